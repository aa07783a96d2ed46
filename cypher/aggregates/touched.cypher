// What a write to the works `$works`, the researchers `$researchers` and the institutions
// `$institutions` may change the kept aggregates of: the works, the works they cite and
// their authors; the researchers and the institutions of their profiles; the institutions.
// `tallied`: each work of `$works` once for each of its topics and each institution it
// names, with what its buckets count of it (resolvers/tallies.py). Read before the write
// and after it: the works and links it drops and those it makes.
// The nodes a relationship leads to carry no label (each type leads to one label): a
// label would let a plan made while the graph was empty scan it for every row instead of
// expanding from the node at hand, and a write keeps its plans as the graph grows.
WITH COLLECT {
  UNWIND $works AS key MATCH (w:Work {key: key}) USING INDEX w:Work(key) RETURN w
} AS written
RETURN
  [w IN written | w.key] + COLLECT {
    UNWIND written AS w MATCH (w)-[:CITES]->(cited) RETURN cited.key
  } AS works,
  $researchers + COLLECT {
    UNWIND written AS w MATCH (w)<-[:AUTHORED]-(r) RETURN r.key
  } AS researchers,
  $institutions + COLLECT {
    UNWIND $researchers AS key
    MATCH (r:Researcher {key: key})-[:AFFILIATED_WITH]->(i)
    USING INDEX r:Researcher(key)
    RETURN i.key
  } AS institutions,
  COLLECT {
    UNWIND written AS w
    CALL (w) {
      MATCH (w)-[:ABOUT]->(t) RETURN 'Topic' AS kind, t.key AS owner
      UNION
      MATCH (w)-[:AFFILIATION]->(i) RETURN 'Institution' AS kind, i.key AS owner
    }
    RETURN {
      kind: kind, owner: owner, year: w.year, openAccess: w.openAccess,
      citedByCount: w.citedByCount
    } AS tallied
  } AS tallied
