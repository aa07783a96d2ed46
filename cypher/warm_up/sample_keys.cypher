// Keys of the first nodes of each kind: the warm-up's sample ids (resolvers/warm_up.py)
// take the lengths real keys have, as Neo4j plans a string parameter once per order of
// magnitude of its length.
CALL () {
  MATCH (n:Researcher) RETURN 'Researcher' AS label, n.key AS key LIMIT $scan
  UNION ALL
  MATCH (n:Work) RETURN 'Work' AS label, n.key AS key LIMIT $scan
  UNION ALL
  MATCH (n:Topic) RETURN 'Topic' AS label, n.key AS key LIMIT $scan
  UNION ALL
  MATCH (n:Institution) RETURN 'Institution' AS label, n.key AS key LIMIT $scan
}
RETURN label, key
