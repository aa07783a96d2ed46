// A page of the keys of every work, researcher, institution or topic (`$label`), after `$after`:
// what a pass over all kept aggregates walks.
CALL () {
  WITH * WHERE $label = 'Work'
  MATCH (n:Work) WHERE n.key > $after RETURN n.key AS key ORDER BY key LIMIT $limit
  UNION
  WITH * WHERE $label = 'Researcher'
  MATCH (n:Researcher) WHERE n.key > $after RETURN n.key AS key ORDER BY key LIMIT $limit
  UNION
  WITH * WHERE $label = 'Institution'
  MATCH (n:Institution) WHERE n.key > $after RETURN n.key AS key ORDER BY key LIMIT $limit
  UNION
  WITH * WHERE $label = 'Topic'
  MATCH (n:Topic) WHERE n.key > $after RETURN n.key AS key ORDER BY key LIMIT $limit
}
RETURN key
