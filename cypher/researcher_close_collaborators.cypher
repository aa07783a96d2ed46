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
  RETURN count(CASE WHEN strength >= $closeStrength THEN c END) AS count
}
RETURN key, count
