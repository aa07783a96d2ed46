CALL () {
  MATCH (n)
  WITH n ORDER BY elementId(n)
  RETURN count(n) AS nodes, collect([labels(n), properties(n)]) AS nodeData
}
CALL () {
  MATCH (a)-[r]->(b)
  WITH a, r, b ORDER BY a.key, type(r), b.key, elementId(r)
  RETURN count(r) AS relationships, collect([a.key, type(r), b.key, properties(r)]) AS relationshipData
}
RETURN nodes, relationships, nodeData, relationshipData
