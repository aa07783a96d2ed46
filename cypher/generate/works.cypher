UNWIND $rows AS row
CREATE (w:Work {
  key: row.key,
  type: row.type,
  title: row.title,
  abstract: row.abstract,
  year: row.year,
  publishedOn: row.publishedOn,
  venue: row.venue,
  doi: row.doi,
  arxivId: row.arxivId,
  openAccess: row.openAccess,
  citedByCount: row.citedByCount
})
WITH w, row
CALL (w, row) {
  UNWIND range(0, size(row.authors) - 1) AS i
  MATCH (r:Researcher {key: row.authors[i]})
  CREATE (r)-[:AUTHORED {position: i + 1}]->(w)
}
CALL (w, row) {
  UNWIND range(0, size(row.topics) - 1) AS i
  MATCH (t:Topic {key: row.topics[i]})
  CREATE (w)-[:ABOUT {score: row.scores[i]}]->(t)
}
CALL (w, row) {
  UNWIND row.affiliations AS affiliation
  MATCH (i:Institution {key: affiliation[1]})
  CREATE (w)-[:AFFILIATION {researcher: affiliation[0]}]->(i)
}
