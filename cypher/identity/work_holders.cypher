// The work node each OpenAlex id names: its own key, the seed work holding it as
// `openalexId`, or an alias of an earlier merge.
UNWIND $ids AS id
CALL (id) {
  MATCH (w:Work {key: id})
  RETURN w
  UNION
  MATCH (w:Work {openalexId: id})
  RETURN w
  UNION
  MATCH (:Alias {key: id})-[:ALIAS_OF]->(w:Work)
  RETURN w
}
RETURN id, w.key AS key, w.openalexId AS openalexId
