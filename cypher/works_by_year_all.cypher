UNWIND $keys AS key
CALL () {
  MATCH (w:Work)
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
  WITH w.year AS year, count(w) AS works
  WHERE year IS NOT NULL
  ORDER BY year
  RETURN collect({year: year, works: works}) AS items
}
RETURN key, items
