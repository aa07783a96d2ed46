UNWIND $rows AS row
WITH row WHERE row.parent IS NOT NULL
MATCH (t:Topic {key: row.key}), (p:Topic {key: row.parent})
CREATE (t)-[:SUBTOPIC_OF]->(p)
