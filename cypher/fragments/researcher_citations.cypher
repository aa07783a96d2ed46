// A researcher's citation figures (docs/metrics.md). A work's citations are the larger of
// OpenAlex's citedByCount, which also counts citing works the graph does not hold, and
// the works in the graph that cite it (all there is when citedByCount is null).
// Listed by a COLLECT subquery, not an aggregation: in the subquery the compiler wraps a
// fragment in, an aggregation over no rows (no work) returns no row at all.
WITH COLLECT {
  MATCH (this)-[:AUTHORED]->(w:Work)
  WITH DISTINCT w
  WITH coalesce(w.citedByCount, 0) AS counted, COUNT { (w)<-[:CITES]-() } AS held
  WITH CASE WHEN counted > held THEN counted ELSE held END AS cited
  RETURN cited ORDER BY cited DESC
} AS cited
WITH {
  citations: reduce(total = 0, n IN cited | total + n),
  hIndex: size([rank IN range(1, size(cited)) WHERE cited[rank - 1] >= rank])
} AS value
