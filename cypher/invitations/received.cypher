UNWIND $keys AS key
MATCH (me:User {key: key})
CALL (me) {
  MATCH (me)-[:CLAIMED {status: 'APPROVED'}]->(r:Researcher)<-[:TO]-(i:Invitation)<-[:SENT]-(sender:User)
  WHERE $status IS NULL OR i.status = $status
  WITH i, r, sender
  ORDER BY i.createdAt DESC, i.key
  SKIP $offset
  LIMIT $limit
  RETURN collect(i {.*, from: sender {.key, .name}, to: r {.*}}) AS items
}
RETURN key, items
