// The citations a work received per year from works the graph holds, in the citing work's
// year, for the current year and the nine before it, oldest first; years with none are left
// out (docs/metrics.md).
MATCH (this)<-[:CITES]-(citing:Work)
WHERE date().year - 9 <= citing.year <= date().year
WITH citing.year AS year, count(*) AS citations
WITH year, citations
ORDER BY year
