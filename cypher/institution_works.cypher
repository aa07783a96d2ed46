UNWIND $keys AS key
MATCH (i:Institution {key: key})
RETURN key, COLLECT {
  MATCH (i)<-[:AFFILIATION]-(w:Work)
  WITH DISTINCT w
  RETURN w {.*}
  ORDER BY w.year DESC, w.publishedOn DESC, w.key
  SKIP $offset
  LIMIT $limit
} AS items
