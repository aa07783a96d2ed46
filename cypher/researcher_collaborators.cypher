UNWIND $keys AS key
MATCH (r:Researcher {key: key})
CALL (r) {
  MATCH (r)-[:AUTHORED]->(w:Work)
  WITH w ORDER BY w.year DESC, w.key LIMIT $worksScanned
  WITH w, COUNT { (w)<-[:AUTHORED]-() } AS team
  WHERE 1 < team <= $maxTeam
  MATCH (w)<-[:AUTHORED]-(c:Researcher)
  WHERE c <> r
  WITH c, w, 0.5 ^ ((toFloat($year) - coalesce(w.year, $year)) / $halfLife) / (team - 1) AS share
  ORDER BY w.year DESC, w.key
  WITH c,
       count(w) AS sharedWorks,
       sum(share) AS strength,
       min(w.year) AS firstYear,
       max(w.year) AS lastYear,
       collect(w {.*})[..$worksPerCollaborator] AS works
  ORDER BY strength DESC, sharedWorks DESC, c.key
  LIMIT $limit
  RETURN collect({
    researcher: c {.*},
    sharedWorks: sharedWorks,
    strength: strength,
    firstYear: firstYear,
    lastYear: lastYear,
    works: works
  }) AS items
}
RETURN key, items
