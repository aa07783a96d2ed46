UNWIND $rows AS row
MATCH (w:Work {key: row.work}), (t:Topic {key: row.topic})
CREATE (w)-[:ABOUT {score: row.score}]->(t)
