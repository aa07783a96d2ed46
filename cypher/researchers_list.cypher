UNWIND $keys AS key
CALL (key) {
  CALL (key) {
    MATCH (:Topic {key: key})<-[:ABOUT]-(:Work)<-[:AUTHORED]-(r:Researcher) WHERE $parent = 'Topic'
    RETURN r, count(*) AS relevance
    UNION ALL
    MATCH (i:Institution {key: key}) WHERE $parent = 'Institution'
    CALL (i) {
      MATCH (i)<-[a:AFFILIATION]-(:Work)<-[:AUTHORED]-(r:Researcher) WHERE r.key = a.researcher RETURN r
      UNION ALL
      MATCH (i)<-[:AFFILIATED_WITH]-(r:Researcher) RETURN r
    }
    RETURN r, count(*) AS relevance
  }
  WITH r, relevance
  WHERE size($where) = 0 OR any(clause IN $where WHERE all(atom IN clause WHERE
    coalesce(CASE atom.field
      WHEN 'nameContains' THEN toLower(r.name) CONTAINS atom.value
      WHEN 'topic' THEN EXISTS { (r)-[:AUTHORED]->(:Work)-[:ABOUT]->(:Topic {key: atom.value}) }
      WHEN 'institution' THEN
        EXISTS { (r)-[:AFFILIATED_WITH]->(:Institution {key: atom.value}) }
        OR EXISTS { (r)-[:AUTHORED]->(:Work)-[a:AFFILIATION]->(:Institution {key: atom.value}) WHERE a.researcher = r.key }
      WHEN 'hasOrcid' THEN (r.orcid IS NOT NULL) = atom.value
      WHEN 'openToCollaborate' THEN coalesce(r.openToCollaborate, false) = atom.value
      WHEN 'minWorks' THEN COUNT { (r)-[:AUTHORED]->() } >= atom.value
    END, false) <> atom.negate))
  WITH r, CASE $order
    WHEN 'name' THEN r.name
    WHEN 'worksCount' THEN COUNT { (r)-[:AUTHORED]->() }
    ELSE relevance
  END AS sortValue
  ORDER BY
    CASE WHEN $descending THEN sortValue END DESC,
    CASE WHEN NOT $descending THEN sortValue END ASC,
    r.key
  SKIP $offset
  LIMIT $limit
  RETURN collect(r {.*}) AS items
}
RETURN key, items
