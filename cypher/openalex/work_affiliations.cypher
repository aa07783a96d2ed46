UNWIND $rows AS row
MATCH (w:Work {key: row.work}), (i:Institution {key: row.institution})
CREATE (w)-[:AFFILIATION {researcher: row.researcher, position: row.position}]->(i)
