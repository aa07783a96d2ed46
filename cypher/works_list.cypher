UNWIND $keys AS key
CALL (key) {
  CALL (key) {
    MATCH (:Researcher {key: key})-[:AUTHORED]->(w:Work) WHERE $parent = 'Researcher' RETURN w
    UNION ALL
    MATCH (:Topic {key: key})<-[:ABOUT]-(w:Work) WHERE $parent = 'Topic' RETURN w
    UNION ALL
    MATCH (:Institution {key: key})<-[:AFFILIATION]-(w:Work) WHERE $parent = 'Institution' RETURN DISTINCT w
  }
  WITH w
  WHERE size($where) = 0 OR any(clause IN $where WHERE all(atom IN clause WHERE
    coalesce(CASE atom.field
      WHEN 'yearFrom' THEN w.year >= atom.value
      WHEN 'yearTo' THEN w.year <= atom.value
      WHEN 'types' THEN w.type IN atom.value
      WHEN 'venue' THEN w.venue = atom.value
      WHEN 'openAccess' THEN w.openAccess = atom.value
      WHEN 'titleContains' THEN toLower(w.title) CONTAINS atom.value
      WHEN 'topic' THEN EXISTS { (w)-[:ABOUT]->(:Topic {key: atom.value}) }
      WHEN 'author' THEN EXISTS { (w)<-[:AUTHORED]-(:Researcher {key: atom.value}) }
      WHEN 'institution' THEN EXISTS { (w)-[:AFFILIATION]->(:Institution {key: atom.value}) }
    END, false) <> atom.negate))
  WITH w
  ORDER BY
    CASE WHEN w[$order] IS NULL THEN 1 ELSE 0 END,
    CASE WHEN $descending THEN w[$order] END DESC,
    CASE WHEN NOT $descending THEN w[$order] END ASC,
    CASE WHEN $descending AND $order = 'year' THEN w.publishedOn END DESC,
    CASE WHEN NOT $descending AND $order = 'year' THEN w.publishedOn END ASC,
    w.key
  SKIP $offset
  LIMIT $limit
  RETURN collect(w {.*}) AS items
}
RETURN key, items
