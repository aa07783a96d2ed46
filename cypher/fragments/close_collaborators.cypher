// Co-authors at least `closeStrength` strong, over the most recent works only (docs/metrics.md).
// Counted by a COUNT subquery, not an aggregation: in the subquery the compiler wraps a
// fragment in, an aggregation over no rows (no co-authored work) returns no row at all.
WITH COUNT {
  MATCH (this)-[:AUTHORED]->(w:Work)
  WITH this, w ORDER BY w.year DESC, w.key LIMIT $worksScanned
  WITH this, w, COUNT { (w)<-[:AUTHORED]-() } AS team
  WHERE 1 < team <= $maxTeam
  MATCH (w)<-[:AUTHORED]-(c:Researcher)
  WHERE c <> this
  WITH c, sum(0.5 ^ ((toFloat($year) - coalesce(w.year, $year)) / $halfLife) / (team - 1)) AS strength
  WHERE strength >= $closeStrength
  RETURN c
} AS value
