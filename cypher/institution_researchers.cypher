UNWIND $keys AS key
MATCH (i:Institution {key: key})
RETURN key, COLLECT {
  MATCH (i)<-[a:AFFILIATION]-(w:Work)<-[:AUTHORED]-(r:Researcher)
  WHERE r.key = a.researcher
  WITH r, count(DISTINCT w) AS works
  RETURN r {.*}
  ORDER BY works DESC, r.key
  SKIP $offset
  LIMIT $limit
} AS items
