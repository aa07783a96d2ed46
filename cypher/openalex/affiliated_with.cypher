UNWIND $rows AS row
MATCH (r:Researcher {key: row.researcher}), (i:Institution {key: row.institution})
CREATE (r)-[:AFFILIATED_WITH {since: row.since}]->(i)
