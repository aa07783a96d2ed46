MATCH (r:Researcher)
WITH r, COUNT { (r)-[:AUTHORED]->() } AS works
ORDER BY works DESC, r.key
LIMIT 1
RETURN r.key AS key, works
