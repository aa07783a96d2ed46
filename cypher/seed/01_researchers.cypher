UNWIND $rows AS row
MERGE (r:Researcher {key: row.key})
ON CREATE SET r.createdAt = datetime()
// Once a record is claimed, its headline and openness are the claimant's to edit.
WITH r, row, EXISTS { (:User)-[:CLAIMED {status: 'APPROVED'}]->(r) } AS claimed
SET r.name = row.name,
    r.headline = CASE WHEN claimed THEN r.headline ELSE row.headline END,
    r.orcid = coalesce(row.orcid, r.orcid),
    r.openToCollaborate = CASE WHEN claimed THEN r.openToCollaborate ELSE row.openToCollaborate END,
    r.verificationLevel = row.verificationLevel,
    // The seed's record stands over OpenAlex's bylines (docs/identity.md).
    r.seeded = true,
    r.mentionedIn = null
