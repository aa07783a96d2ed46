UNWIND $keys AS key
CALL (key) {
  CALL (key) {
    MATCH (:Topic {key: key})<-[:ABOUT]-(:Work)<-[:AUTHORED]-(r:Researcher) WHERE $parent = 'Topic'
    RETURN DISTINCT r
    UNION ALL
    MATCH (i:Institution {key: key}) WHERE $parent = 'Institution'
    CALL (i) {
      MATCH (i)<-[a:AFFILIATION]-(:Work)<-[:AUTHORED]-(r:Researcher) WHERE r.key = a.researcher RETURN r
      UNION
      MATCH (i)<-[:AFFILIATED_WITH]-(r:Researcher) RETURN r
    }
    RETURN r
  }
  WITH r
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
  RETURN count(DISTINCT r) AS count
}
RETURN key, count
