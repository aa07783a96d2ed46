// `tallies`: the works of topic or institution `o` (each once, however many of its authors
// name the institution) counted by year and open access, as its WorkTally nodes keep them
// (docs/metrics.md). `bucket` names the pair, an empty side for a missing value.
WITH *, COLLECT {
  MATCH (o)<-[:ABOUT|AFFILIATION]-(x)
  WITH DISTINCT x AS w
  WITH w.year AS year, w.openAccess AS openAccess, w.citedByCount AS value
  WITH year, openAccess, count(*) AS works, collect(value) AS values,
       sum(value) AS citedSum, min(value) AS least, max(value) AS greatest
  RETURN {
    bucket: coalesce(toString(year), '') + '|' + coalesce(toString(openAccess), ''),
    year: year,
    openAccess: openAccess,
    works: works,
    cited: size(values),
    citedSum: citedSum,
    citedMin: least,
    citedMinHolders: size([value IN values WHERE value = least]),
    citedMax: greatest,
    citedMaxHolders: size([value IN values WHERE value = greatest])
  } AS tally ORDER BY tally.bucket
} AS tallies
