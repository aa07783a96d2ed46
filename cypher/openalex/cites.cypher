UNWIND $rows AS row
MATCH (w:Work {key: row.work})
OPTIONAL MATCH (cited:Work {key: row.cited})
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
