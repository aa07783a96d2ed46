// A work node takes the ids of higher precedence: OpenAlex's surviving id as its key, or
// as `openalexId` where a seed key stands.
UNWIND $rows AS row
MATCH (w:Work {key: row.node})
CALL (row) {
  MATCH (taken:Alias {key: row.key})
  DETACH DELETE taken
}
SET w.key = row.key, w.openalexId = row.openalexId
