UNWIND $rows AS row
CREATE (r:Researcher {
  key: row.key,
  name: row.name,
  headline: row.headline,
  orcid: row.orcid,
  openToCollaborate: row.openToCollaborate,
  verificationLevel: row.verificationLevel,
  createdAt: datetime({epochSeconds: row.createdAt})
})
WITH r, row WHERE row.institution IS NOT NULL
MATCH (i:Institution {key: row.institution})
// a current affiliation: `until` stays null, i.e. absent
CREATE (r)-[:AFFILIATED_WITH {since: row.since}]->(i)
