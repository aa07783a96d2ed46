UNWIND $keys AS key
MATCH (me:User {key: key})
CALL (me) {
  MATCH (me)-[:SENT]->(i:Invitation)-[:TO]->(r:Researcher)
  WHERE $status IS NULL OR i.status = $status
  WITH me, i, r
  ORDER BY i.createdAt DESC, i.key
  SKIP $offset
  LIMIT $limit
  RETURN collect(i {.*, from: me {.key, .name}, to: r {.*}}) AS items
}
RETURN key, items
