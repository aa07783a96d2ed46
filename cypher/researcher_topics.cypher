UNWIND $keys AS key
MATCH (r:Researcher {key: key})
CALL (r) {
  OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)-[about:ABOUT]->(t:Topic)
  WITH t, count(DISTINCT w) AS works, sum(about.score) AS weight
  ORDER BY weight DESC, t.key
  WITH collect(CASE WHEN t IS NOT NULL THEN {topic: t {.*}, works: works, weight: weight} END) AS rows,
       sum(weight) AS total
  RETURN [row IN rows[..$limit] | {topic: row.topic, works: row.works, share: row.weight / total}] AS items
}
RETURN key, items
