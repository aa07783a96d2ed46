// Co-authors at least `closeStrength` strong, over the most recent works only (docs/metrics.md).
OPTIONAL MATCH (this)-[:AUTHORED]->(w:Work)
WITH this, w ORDER BY w.year DESC, w.key LIMIT $worksScanned
WITH this, w, COUNT { (w)<-[:AUTHORED]-() } AS team
WHERE 1 < team <= $maxTeam
MATCH (w)<-[:AUTHORED]-(c:Researcher)
WHERE c <> this
WITH c, sum(0.5 ^ ((toFloat($year) - coalesce(w.year, $year)) / $halfLife) / (team - 1)) AS strength
WITH count(CASE WHEN strength >= $closeStrength THEN c END) AS value
