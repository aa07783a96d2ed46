// Walked, not read from the degrees: the statistics' figure computed another way.
MATCH (r:Researcher)-[:AUTHORED]->(w:Work)
WITH r, count(w) AS works
RETURN coalesce(max(works), 0) AS works
