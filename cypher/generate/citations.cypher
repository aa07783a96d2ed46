UNWIND $rows AS row
MATCH (w:Work {key: row.work})
UNWIND row.cites AS key
MATCH (cited:Work {key: key})
CREATE (w)-[:CITES]->(cited)
