UNWIND $keys AS key
MATCH (t:Topic {key: key})
RETURN key, COLLECT {
  MATCH (w:Work)-[:ABOUT]->(t)
  RETURN w {.*}
  ORDER BY w.year DESC, w.publishedOn DESC, w.key
  SKIP $offset
  LIMIT $limit
} AS items
