UNWIND $keys AS key
MATCH (t:Topic {key: key})
RETURN key, COLLECT {
  MATCH (r:Researcher)-[:AUTHORED]->(:Work)-[:ABOUT]->(t)
  WITH r, count(*) AS works
  RETURN r {.*}
  ORDER BY works DESC, r.key
  SKIP $offset
  LIMIT $limit
} AS items
