UNWIND $rows AS row
MERGE (r:Researcher {key: row.key})
ON CREATE SET r.createdAt = datetime()
SET r.name = row.name,
    r.headline = row.headline,
    r.orcid = row.orcid,
    r.openToCollaborate = row.openToCollaborate,
    r.verificationLevel = row.verificationLevel
