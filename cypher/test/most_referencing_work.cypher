// The work that cites the most works in the graph, and how many it cites.
MATCH (w:Work)-[:CITES]->(cited:Work)
WITH w, count(cited) AS works
RETURN w.key AS key, works
ORDER BY works DESC, key
LIMIT 1
