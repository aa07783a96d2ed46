MATCH (a)-[r]->(b)
RETURN a.key AS source, type(r) AS type, b.key AS target, properties(r) AS properties
ORDER BY source, type, target, r.position, r.researcher
