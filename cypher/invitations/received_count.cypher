UNWIND $keys AS key
MATCH (me:User {key: key})
RETURN key, COUNT {
  MATCH (me)-[:CLAIMED {status: 'APPROVED'}]->(:Researcher)<-[:TO]-(i:Invitation)
  WHERE $status IS NULL OR i.status = $status
} AS count
