// Topics of a researcher's works with their score-weighted shares, largest first.
MATCH (this)-[:AUTHORED]->(w:Work)-[about:ABOUT]->(t:Topic)
WITH t, count(DISTINCT w) AS works, sum(about.score) AS weight
WITH collect({topic: t, works: works, weight: weight}) AS rows, sum(weight) AS total
UNWIND rows AS row
WITH row.topic AS topic, row.works AS works, row.weight / total AS share
ORDER BY share DESC, topic.key
LIMIT $limit
