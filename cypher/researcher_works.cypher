UNWIND $keys AS key
MATCH (r:Researcher {key: key})
RETURN key, COLLECT {
  MATCH (r)-[:AUTHORED]->(w:Work)
  RETURN w {.*}
  ORDER BY w.year DESC, w.publishedOn DESC, w.key
  SKIP $offset
  LIMIT $limit
} AS items
