UNWIND $rows AS work
UNWIND work.topics AS assignment
MATCH (w:Work {key: work.key}), (t:Topic {key: assignment.topic})
WHERE w.openalexUpdated IS NULL
MERGE (w)-[a:ABOUT]->(t)
SET a.score = assignment.score
