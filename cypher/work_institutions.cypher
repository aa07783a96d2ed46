UNWIND $keys AS key
MATCH (w:Work {key: key})
RETURN key, COLLECT {
  MATCH (w)-[:AFFILIATION]->(i:Institution)
  WITH DISTINCT i
  RETURN i {.*}
  ORDER BY i.name, i.key
} AS items
