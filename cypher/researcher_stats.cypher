UNWIND $keys AS key
MATCH (r:Researcher {key: key})
CALL (r) {
  OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
  WITH w ORDER BY w.year DESC, w.key LIMIT $worksScanned
  WITH w, COUNT { (w)<-[:AUTHORED]-() } AS team
  WHERE 1 < team <= $maxTeam
  MATCH (w)<-[:AUTHORED]-(c:Researcher)
  WHERE c <> r
  WITH c, sum(0.5 ^ ((toFloat($year) - coalesce(w.year, $year)) / $halfLife) / (team - 1)) AS strength
  RETURN count(CASE WHEN strength >= $closeStrength THEN c END) AS closeCollaborators
}
RETURN key,
  COUNT { (r)-[:AUTHORED]->(:Work) } AS works,
  COUNT { (:User)-[:FOLLOWS]->(r) } AS followers,
  COUNT { MATCH (r)-[:AUTHORED]->(:Work)-[:ABOUT]->(t:Topic) RETURN DISTINCT t } AS topics,
  closeCollaborators,
  EXISTS { (r)-[a:AFFILIATED_WITH]->(:Institution) WHERE a.until IS NULL } AS hasAffiliation,
  EXISTS { (:User)-[:CLAIMED {status: 'APPROVED'}]->(r) } AS claimed
