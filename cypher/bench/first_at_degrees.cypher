// For each kind of node, the first node by key at each of the degrees $degrees lists for
// that kind (research relationships): with the median degree and the most, a page's usual
// cost and its worst, the same two on the same graph (bench/scale.py). min() needs no sort.
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
WITH kind, n, COUNT { (n)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() } AS degree
WHERE degree IN $degrees[kind]
RETURN kind, degree, min(n.key) AS key
