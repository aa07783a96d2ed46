OPTIONAL MATCH (m:User {key: $moderator})
CALL (m) {
  WITH m WHERE m.role = 'moderator'
  MATCH (u:User)-[c:CLAIMED]->(r:Researcher)
  WHERE $status IS NULL OR c.status = $status
  WITH u, c, r
  ORDER BY c.at, c.key
  LIMIT $limit
  RETURN collect(c {.*, researcher: r {.*}, claimant: u {.key, .name}}) AS items
}
RETURN m IS NOT NULL AS signedIn, coalesce(m.role = 'moderator', false) AS moderator, items
