UNWIND $keys AS key
MATCH (w:Work {key: key})
RETURN key, COLLECT {
  MATCH (w)-[a:ABOUT]->(t:Topic)
  RETURN {topic: t {.*}, score: a.score}
  ORDER BY a.score DESC, t.key
} AS items
