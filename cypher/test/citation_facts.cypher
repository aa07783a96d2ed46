// Everything citation lists and figures are computed from, as stored, for tests to
// compute them again in Python.
CALL () {
  MATCH (w:Work)
  RETURN collect(w {.key, .title, .year, .publishedOn, .type, .openAccess, .citedByCount}) AS works,
         collect({key: w.key, others: COUNT { (w)-[r]-() WHERE type(r) <> 'CITES' }}) AS degrees
}
CALL () {
  MATCH (citing:Work)-[:CITES]->(cited:Work)
  RETURN collect([citing.key, cited.key]) AS cites
}
CALL () {
  MATCH (researcher:Researcher)-[:AUTHORED]->(work:Work)
  RETURN collect([researcher.key, work.key]) AS authored
}
RETURN works, degrees, cites, authored
