UNWIND $rows AS row
MERGE (t:Topic {key: row.key})
ON CREATE SET t.name = row.name, t.level = row.level
