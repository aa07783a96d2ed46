MATCH (r:Researcher)
WHERE r.key STARTS WITH 'gen:'
RETURN r.key AS key
ORDER BY r.key
LIMIT $limit
