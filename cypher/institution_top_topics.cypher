UNWIND $keys AS key
MATCH (i:Institution {key: key})
CALL (i) {
  MATCH (i)<-[:AFFILIATION]-(w:Work)
  WITH DISTINCT w
  MATCH (w)-[about:ABOUT]->(t:Topic)
  WITH t, w, about.score AS score, COLLECT { MATCH (w)<-[:AUTHORED]-(r:Researcher) RETURN r } AS authors
  WITH t, count(w) AS works, sum(score) AS weight,
       reduce(all = [], list IN collect(authors) | all + list) AS authors
  WITH t, works, weight, COUNT { UNWIND authors AS r RETURN DISTINCT r } AS researchers
  ORDER BY works DESC, weight DESC, t.key
  WITH collect({topic: t {.*}, works: works, researchers: researchers, weight: weight}) AS rows,
       sum(weight) AS total
  RETURN [row IN rows[..$limit] | {
    topic: row.topic, works: row.works, researchers: row.researchers, share: row.weight / total
  }] AS items
}
RETURN key, items
