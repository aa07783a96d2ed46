// A researcher's citation figures (docs/metrics.md). A work's citations are the larger of
// OpenAlex's citedByCount, which also counts citing works the graph does not hold, and
// the works in the graph that cite it (all there is when citedByCount is null).
// Listed by a COLLECT subquery, not an aggregation: in the subquery the compiler wraps a
// fragment in, an aggregation over no rows (no work) returns no row at all.
WITH COLLECT {
  MATCH (this)-[:AUTHORED]->(w:Work)
  WITH DISTINCT w
  WITH w.year AS year, coalesce(w.citedByCount, 0) AS counted, COUNT { (w)<-[:CITES]-() } AS held
  WITH year, CASE WHEN counted > held THEN counted ELSE held END AS cited
  RETURN [cited, year] AS work ORDER BY cited DESC
} AS works, date().year AS now
WITH [work IN works | work[0]] AS cited,
     [work IN works WHERE work[1] IN [now - 2, now - 1] | work[0]] AS recent
WITH {
  citations: reduce(total = 0, n IN cited | total + n),
  hIndex: size([rank IN range(1, size(cited)) WHERE cited[rank - 1] >= rank]),
  i10Index: size([n IN cited WHERE n >= 10]),
  twoYearMeanCitedness: CASE size(recent)
    WHEN 0 THEN 0.0
    ELSE toFloat(reduce(total = 0, n IN recent | total + n)) / size(recent)
  END
} AS value
