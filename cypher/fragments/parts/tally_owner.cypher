// `o`: the topic or institution `row.owner`, as `row.kind` says.
CALL (row) {
  WITH row WHERE row.kind = 'Topic'
  MATCH (o:Topic {key: row.owner}) USING INDEX o:Topic(key)
  RETURN o
  UNION
  WITH row WHERE row.kind = 'Institution'
  MATCH (o:Institution {key: row.owner}) USING INDEX o:Institution(key)
  RETURN o
}
