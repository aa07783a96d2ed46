UNWIND $keys AS key
MATCH (me:User {key: key})
RETURN key, COUNT {
  MATCH (me)-[:SENT]->(i:Invitation)
  WHERE $status IS NULL OR i.status = $status
} AS count
