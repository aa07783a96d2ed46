UNWIND $rows AS row
MERGE (r:Researcher {key: row.key})
ON CREATE SET r += $defaults.Researcher
// A seed record's name and ORCID stand over OpenAlex's (docs/identity.md).
WITH r, row, coalesce(r.seeded, false) AS seeded
SET r.name = CASE WHEN seeded THEN r.name ELSE row.name END,
    r.orcid = CASE WHEN seeded THEN coalesce(r.orcid, row.orcid) ELSE row.orcid END,
    r.alternativeNames = row.alternativeNames,
    r.openalexUpdated = row.updated,
    r.mentionedIn = null
