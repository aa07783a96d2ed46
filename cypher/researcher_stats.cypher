UNWIND $keys AS key
MATCH (r:Researcher {key: key})
RETURN key,
  COUNT { (r)-[:AUTHORED]->(:Work) } AS works,
  COUNT { (:User)-[:FOLLOWS]->(r) } AS followers,
  COUNT { MATCH (r)-[:AUTHORED]->(:Work)-[:ABOUT]->(t:Topic) RETURN DISTINCT t } AS topics,
  EXISTS { (r)-[a:AFFILIATED_WITH]->(:Institution) WHERE a.until IS NULL } AS hasAffiliation,
  EXISTS { (:User)-[:CLAIMED {status: 'APPROVED'}]->(r) } AS claimed
