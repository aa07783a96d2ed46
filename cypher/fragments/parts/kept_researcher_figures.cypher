// `figures`: the citation figures of researcher `r` kept on the node (docs/metrics.md),
// from their works' kept citations.
WITH *, COLLECT {
  MATCH (r)-[:AUTHORED]->(w)
  WITH DISTINCT w
  RETURN coalesce(w.citations, 0) AS cited ORDER BY cited DESC
} AS cited
WITH *, {
  citations: reduce(total = 0, n IN cited | total + n),
  hIndex: size([rank IN range(1, size(cited)) WHERE cited[rank - 1] >= rank]),
  i10Index: size([n IN cited WHERE n >= 10])
} AS figures
