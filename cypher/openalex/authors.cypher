UNWIND $rows AS row
MERGE (r:Researcher {key: row.key})
ON CREATE SET r += $defaults.Researcher
SET r.name = row.name,
    r.orcid = row.orcid,
    r.alternativeNames = row.alternativeNames,
    r.openalexUpdated = row.updated,
    r.mentionedIn = null
