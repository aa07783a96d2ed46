// For each kind of node a page shows, the key of the one with the most research
// relationships: the page that costs the most.
UNWIND ['Researcher', 'Work', 'Topic', 'Institution'] AS kind
CALL (kind) {
  MATCH (n)
  WHERE kind IN labels(n)
  WITH n ORDER BY COUNT { (n)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() } DESC, n.key
  LIMIT 1
  RETURN n.key AS key
}
RETURN kind, key
