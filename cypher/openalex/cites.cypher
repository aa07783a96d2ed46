UNWIND $rows AS row
MATCH (w:Work {key: row.work})
OPTIONAL MATCH (own:Work {key: row.cited})
OPTIONAL MATCH (adopted:Work {openalexId: row.cited})
OPTIONAL MATCH (:Alias {key: row.cited})-[:ALIAS_OF]->(aliased:Work)
WITH w, row, coalesce(adopted, aliased, own) AS cited
CALL (w, cited) {
  WITH w, cited
  WHERE cited IS NOT NULL
  CREATE (w)-[:CITES]->(cited)
}
CALL (w, cited, row) {
  WITH w, row
  WHERE cited IS NULL
  MERGE (missing:MissingWork {key: row.cited})
  CREATE (w)-[:CITES_MISSING]->(missing)
}
