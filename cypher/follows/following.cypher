UNWIND $keys AS key
MATCH (u:User {key: key})
CALL (u) {
  MATCH (u)-[f:FOLLOWS]->(r:Researcher)
  WITH f, r
  ORDER BY f.at DESC, r.key
  SKIP $offset
  LIMIT $limit
  RETURN collect(r {.*}) AS items
}
RETURN key, items
