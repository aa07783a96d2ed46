// A researcher's node takes the key of higher precedence (docs/identity.md); paper-level
// affiliations name researchers by key, so they follow.
UNWIND $rows AS row
MATCH (r:Researcher {key: row.from})
CALL (r, row) {
  MATCH (r)-[:AUTHORED]->(:Work)-[a:AFFILIATION]->(:Institution)
  WHERE a.researcher = row.from
  SET a.researcher = row.to
}
CALL (row) {
  MATCH (taken:Alias {key: row.to})
  DETACH DELETE taken
}
SET r.key = row.to
