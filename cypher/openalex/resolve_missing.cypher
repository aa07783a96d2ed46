UNWIND $rows AS row
MATCH (missing:MissingWork {key: row.key})
MATCH (w:Work {key: row.node})
CALL (missing, w) {
  MATCH (citing:Work)-[pending:CITES_MISSING]->(missing)
  CREATE (citing)-[:CITES]->(w)
  DELETE pending
}
DELETE missing
