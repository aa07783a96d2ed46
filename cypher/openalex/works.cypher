UNWIND $rows AS row
MERGE (w:Work {key: row.key})
SET w.type = row.type,
    w.title = row.title,
    w.abstract = row.abstract,
    w.year = row.year,
    w.publishedOn = row.publishedOn,
    w.venue = row.venue,
    w.doi = row.doi,
    w.arxivId = row.arxivId,
    w.openAccess = row.openAccess,
    w.citedByCount = row.citedByCount,
    w.unidentifiedAuthorPositions = row.unidentifiedAuthorPositions,
    w.unidentifiedAuthorNames = row.unidentifiedAuthorNames,
    w.openalexId = row.openalexId,
    w.openalexUpdated = row.updated
WITH w, row
CALL (w, row) {
  UNWIND row.authored AS authored
  MATCH (r:Researcher {key: authored.researcher})
  CREATE (r)-[:AUTHORED {position: authored.position}]->(w)
}
CALL (w, row) {
  UNWIND row.affiliations AS affiliation
  MATCH (i:Institution {key: affiliation.institution})
  CREATE (w)-[:AFFILIATION {researcher: affiliation.researcher, position: affiliation.position}]->(i)
}
CALL (w, row) {
  UNWIND row.about AS about
  MATCH (t:Topic {key: about.topic})
  CREATE (w)-[:ABOUT {score: about.score}]->(t)
}
