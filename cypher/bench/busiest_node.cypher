// The node with the most research relationships, of any kind: the explorer's worst case.
MATCH (n:Researcher|Work|Topic|Institution)
WITH n, COUNT { (n)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() } AS degree
ORDER BY degree DESC, n.key
LIMIT 1
RETURN labels(n)[0] AS kind, n.key AS key, degree
