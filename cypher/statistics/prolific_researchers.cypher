// Over a researcher's works, their authors, citing works and topics (core/work.py):
// summed for the 1,000 most prolific researchers only, since summing them for all would
// walk every authorship; any other has at most as many works as the first one left out
// (`researcher.worksLeftOut`), each with at most the most of each that any work has, which
// core/work.py multiplies out.
// The kept worksCount's index gives them most first (every researcher has it).
MATCH (r:Researcher) WHERE r.worksCount IS NOT NULL
WITH r, r.worksCount AS works
ORDER BY works DESC
LIMIT 1001
WITH collect(works) AS counts, collect(r)[..1000] AS busiest
CALL (busiest) {
  UNWIND busiest AS r
  MATCH (r)-[:AUTHORED]->(w:Work)
  WITH r,
       sum(COUNT { (w)<-[:AUTHORED]-() }) AS authorships,
       sum(COUNT { (w)<-[:CITES]-() }) AS citedBy,
       sum(COUNT { (w)-[:ABOUT]->() }) AS topics
  RETURN max(authorships) AS authorships, max(citedBy) AS citedBy, max(topics) AS topics
}
RETURN authorships AS `researcher.authorships.busiest`,
       citedBy AS `researcher.citedBy.busiest`,
       topics AS `researcher.topics.busiest`,
       counts[1000] AS `researcher.worksLeftOut`
