// Of every researcher in order of each figure kept for ranking, most first (from its
// index: resolvers/compiler/roots.py ranked_by_index), the most researchers that share one
// value above 0 among the first `ranked.depth`: a page that deep reads its rows and, past
// its last row, the rest of that row's ties, which the index leaves to be sorted
// (core/work.py). Those at 0 come from the index in key order, with no ties to sort.
// One block per figure: a property read by name (`r[figure]`) would leave its index
// unused. LIMIT takes no variable: the depth is written out in each, and returned.
CALL () {
  MATCH (r:Researcher) WHERE r.citations > 0 AND r.key IS NOT NULL
  WITH r.citations AS value ORDER BY value DESC LIMIT 10000
  WITH DISTINCT value
  RETURN max(COUNT { MATCH (x:Researcher) WHERE x.citations = value }) AS citations
}
CALL () {
  MATCH (r:Researcher) WHERE r.hIndex > 0 AND r.key IS NOT NULL
  WITH r.hIndex AS value ORDER BY value DESC LIMIT 10000
  WITH DISTINCT value
  RETURN max(COUNT { MATCH (x:Researcher) WHERE x.hIndex = value }) AS hIndex
}
CALL () {
  MATCH (r:Researcher) WHERE r.worksCount > 0 AND r.key IS NOT NULL
  WITH r.worksCount AS value ORDER BY value DESC LIMIT 10000
  WITH DISTINCT value
  RETURN max(COUNT { MATCH (x:Researcher) WHERE x.worksCount = value }) AS worksCount
}
CALL () {
  MATCH (r:Researcher) WHERE r.followers > 0 AND r.key IS NOT NULL
  WITH r.followers AS value ORDER BY value DESC LIMIT 10000
  WITH DISTINCT value
  RETURN max(COUNT { MATCH (x:Researcher) WHERE x.followers = value }) AS followers
}
RETURN 10000 AS `ranked.depth`,
       coalesce(citations, 0) AS `ranked.citations`,
       coalesce(hIndex, 0) AS `ranked.hIndex`,
       coalesce(worksCount, 0) AS `ranked.worksCount`,
       coalesce(followers, 0) AS `ranked.followers`
