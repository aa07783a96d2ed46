// `memberships`: researcher `r`'s institutions, sorted by key, each with how many of their
// works name it for them: those of the profile's affiliations, current or past, and those a
// paper names for them.
WITH *, COLLECT {
  CALL (r) {
    MATCH (r)-[:AUTHORED]->(w)-[a:AFFILIATION]->(i)
    WHERE a.researcher = r.key
    RETURN i, w
    UNION ALL
    MATCH (r)-[:AFFILIATED_WITH]->(i)
    RETURN i, null AS w
  }
  WITH i, count(DISTINCT w) AS works
  RETURN {institution: i.key, works: works} AS membership ORDER BY i.key
} AS memberships
