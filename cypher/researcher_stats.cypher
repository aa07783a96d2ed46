UNWIND $keys AS key
MATCH (r:Researcher {key: key})
RETURN key,
  COUNT { (r)-[:AUTHORED]->() } AS works,
  COUNT { (r)<-[:FOLLOWS]-() } AS followers,
  EXISTS { (r)-[a:AFFILIATED_WITH]->(:Institution) WHERE a.until IS NULL } AS hasAffiliation,
  EXISTS { (:User)-[:CLAIMED {status: 'APPROVED'}]->(r) } AS claimed
