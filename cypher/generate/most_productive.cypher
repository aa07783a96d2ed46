MATCH (r:Researcher)
RETURN r.key AS key, COUNT { (r)-[:AUTHORED]->(:Work) } AS works
ORDER BY works DESC, key
LIMIT $limit
