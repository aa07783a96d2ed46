UNWIND $rows AS row
MATCH (t:Topic {key: row.key})
WHERE NOT EXISTS { (t)-[:SUBTOPIC_OF]->() }
MATCH (parent:Topic {key: row.parent})
CREATE (t)-[:SUBTOPIC_OF]->(parent)
