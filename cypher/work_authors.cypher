UNWIND $keys AS key
MATCH (w:Work {key: key})
RETURN key, COLLECT {
  MATCH (r:Researcher)-[a:AUTHORED]->(w)
  RETURN {
    position: a.position,
    researcher: r {.*},
    institutions: COLLECT {
      MATCH (w)-[:AFFILIATION {researcher: r.key}]->(i:Institution)
      RETURN i {.*} ORDER BY i.name
    }
  }
  ORDER BY a.position
  LIMIT $limit
} AS items
