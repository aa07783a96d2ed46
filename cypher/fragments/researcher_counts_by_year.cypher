// A researcher's works and the citations they received, per year, for the current year and
// the nine before it, oldest first; years with neither are left out (docs/metrics.md).
// Citations are CITES from works the graph holds, in the citing work's year.
WITH this, date().year AS now
CALL (this, now) {
  MATCH (this)-[:AUTHORED]->(w:Work)
  WITH DISTINCT w
  WHERE now - 9 <= w.year <= now
  RETURN w.year AS year, 1 AS work, 0 AS citation
  UNION ALL
  MATCH (this)-[:AUTHORED]->(w:Work)
  WITH DISTINCT w
  MATCH (w)<-[:CITES]-(citing:Work)
  WHERE now - 9 <= citing.year <= now
  RETURN citing.year AS year, 0 AS work, 1 AS citation
}
WITH year, sum(work) AS works, sum(citation) AS citations
ORDER BY year
