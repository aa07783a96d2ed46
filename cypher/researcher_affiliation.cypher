UNWIND $keys AS key
MATCH (r:Researcher {key: key})-[a:AFFILIATED_WITH]->(i:Institution)
WHERE a.until IS NULL
WITH key, i ORDER BY a.since DESC, i.key
WITH key, collect(i)[0] AS i
RETURN key, i {.*} AS item
