UNWIND $keys AS key
MATCH (r:Researcher {key: key})
CALL (r) {
  OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(c:Researcher)
  WITH c, w, COUNT { (w)<-[:AUTHORED]-(:Researcher) } AS team
  WITH c, sum(1.0 / (team - 1)) AS strength
  RETURN count(CASE WHEN c IS NOT NULL AND strength >= $closeStrength THEN c END) AS closeCollaborators
}
RETURN key,
  COUNT { (r)-[:AUTHORED]->(:Work) } AS works,
  COUNT { (:User)-[:FOLLOWS]->(r) } AS followers,
  COUNT { MATCH (r)-[:AUTHORED]->(:Work)-[:ABOUT]->(t:Topic) RETURN DISTINCT t } AS topics,
  closeCollaborators,
  EXISTS { (r)-[a:AFFILIATED_WITH]->(:Institution) WHERE a.until IS NULL } AS hasAffiliation,
  EXISTS { (:User)-[:CLAIMED {status: 'APPROVED'}]->(r) } AS claimed
