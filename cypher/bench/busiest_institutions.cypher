MATCH (i:Institution)
WITH i, COUNT { (i)<-[:AFFILIATED_WITH]-() } AS researchers
ORDER BY researchers DESC, i.key
LIMIT $limit
RETURN i.key AS key, researchers
