UNWIND $rows AS row
MERGE (r:Researcher {key: row.key})
ON CREATE SET r += $defaults.Researcher
WITH r, row
WHERE r.openalexUpdated IS NULL AND coalesce(r.mentionedIn, '') < row.mentionedIn
SET r.name = row.name,
    r.orcid = row.orcid,
    r.mentionedIn = row.mentionedIn
