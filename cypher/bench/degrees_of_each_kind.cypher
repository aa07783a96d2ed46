// For each kind of node, how many nodes have each number of research relationships: the
// median degree comes from it without sorting every node (bench/scale.py).
CALL () {
  MATCH (n:Researcher)
  RETURN 'Researcher' AS kind, n
  UNION ALL
  MATCH (n:Work)
  RETURN 'Work' AS kind, n
  UNION ALL
  MATCH (n:Topic)
  RETURN 'Topic' AS kind, n
  UNION ALL
  MATCH (n:Institution)
  RETURN 'Institution' AS kind, n
}
WITH kind, COUNT { (n)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() } AS degree
WITH kind, degree, count(*) AS nodes
ORDER BY kind, degree
RETURN kind, collect([degree, nodes]) AS histogram
