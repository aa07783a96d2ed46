UNWIND $keys AS key
MATCH (u:User {key: key})
CALL (u) {
  MATCH (u)-[c:CLAIMED]->(r:Researcher)
  WITH u, c, r
  ORDER BY c.at DESC, c.key
  LIMIT $limit
  RETURN collect(c {.*, researcher: r {.*}, claimant: u {.key, .name}}) AS items
}
RETURN key, items
