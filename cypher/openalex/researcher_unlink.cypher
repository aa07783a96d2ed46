UNWIND $keys AS key
MATCH (:Researcher {key: key})-[current:AFFILIATED_WITH]->(:Institution)
WHERE current.until IS NULL
DELETE current
