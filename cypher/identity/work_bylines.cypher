// Each work's authors as stored: place, key and name.
UNWIND $keys AS key
MATCH (w:Work {key: key})
RETURN key, COLLECT {
  MATCH (r:Researcher)-[a:AUTHORED]->(w)
  RETURN {position: a.position, key: r.key, name: r.name} AS author
} AS byline
