UNWIND $keys AS key
MATCH (missing:MissingWork {key: key})
MATCH (w:Work {key: key})
CALL (missing, w) {
  MATCH (citing:Work)-[pending:CITES_MISSING]->(missing)
  CREATE (citing)-[:CITES]->(w)
  DELETE pending
}
DELETE missing
