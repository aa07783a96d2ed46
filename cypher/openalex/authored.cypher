UNWIND $rows AS row
MATCH (w:Work {key: row.work}), (r:Researcher {key: row.researcher})
CREATE (r)-[:AUTHORED {position: row.position}]->(w)
