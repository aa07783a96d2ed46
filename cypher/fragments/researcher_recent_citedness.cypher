// A researcher's two-year mean citedness (docs/metrics.md): the mean kept citations of
// their works of the two years before this one. The other figures are kept on the node
// (cypher/aggregates/); this one moves with the calendar, so it is computed when asked.
// An average over a COLLECT, not an aggregation: in the subquery the compiler wraps a
// fragment in, an aggregation over no rows (no work) returns no row at all.
WITH COLLECT {
  MATCH (this)-[:AUTHORED]->(w:Work)
  WHERE w.year IN [date().year - 2, date().year - 1]
  RETURN DISTINCT w
} AS recent
WITH CASE size(recent)
  WHEN 0 THEN 0.0
  ELSE toFloat(reduce(total = 0, w IN recent | total + w.citations)) / size(recent)
END AS value
