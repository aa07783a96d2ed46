// `figures`: the figures of researcher `r` kept on the node (docs/metrics.md): their works,
// their followers, and the citation figures from their works' kept citations.
WITH *, COLLECT {
  MATCH (r)-[:AUTHORED]->(w)
  WITH DISTINCT w
  RETURN coalesce(w.citations, 0) AS cited ORDER BY cited DESC
} AS cited
// include fragments/parts/researcher_followers
WITH *, {
  worksCount: size(cited),
  followers: followers,
  citations: reduce(total = 0, n IN cited | total + n),
  hIndex: size([rank IN range(1, size(cited)) WHERE cited[rank - 1] >= rank]),
  i10Index: size([n IN cited WHERE n >= 10])
} AS figures
