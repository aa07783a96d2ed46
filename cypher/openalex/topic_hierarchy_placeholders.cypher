UNWIND $rows AS row
MATCH (t:Topic {key: row.key})
WHERE t.openalexUpdated IS NULL AND t.mentionedIn = row.mentionedIn
CALL (t) {
  MATCH (t)-[old:SUBTOPIC_OF]->()
  DELETE old
}
WITH t, row
MATCH (parent:Topic {key: row.parent})
CREATE (t)-[:SUBTOPIC_OF]->(parent)
