CALL () {
  MATCH (n)
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(r) AS count
  RETURN collect([type, count]) AS relationships
}
RETURN nodes, relationships
