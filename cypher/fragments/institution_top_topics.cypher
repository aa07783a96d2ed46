// Topics of the works affiliated with an institution, most works first.
MATCH (this)<-[:AFFILIATION]-(w:Work)
WITH DISTINCT w
MATCH (w)-[about:ABOUT]->(t:Topic)
WITH t, w, about.score AS score, COLLECT { MATCH (w)<-[:AUTHORED]-(r:Researcher) RETURN r } AS authors
WITH t, count(w) AS works, sum(score) AS weight,
     reduce(all = [], list IN collect(authors) | all + list) AS authors
WITH t, works, weight, COUNT { UNWIND authors AS r RETURN DISTINCT r } AS researchers
ORDER BY works DESC, weight DESC, t.key
WITH collect({topic: t, works: works, researchers: researchers, weight: weight}) AS rows,
     sum(weight) AS total
UNWIND rows[..$limit] AS row
WITH row.topic AS topic, row.works AS works, row.researchers AS researchers,
     row.weight / total AS share
