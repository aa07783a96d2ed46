UNWIND $rows AS row
MERGE (r:Researcher {key: row.key})
ON CREATE SET r += $defaults.Researcher
WITH r, row
CALL (r, row) {
  // A seed record's name stands over a byline's; an ORCID it lacks is taken.
  WITH r, row
  WHERE r.seeded
  SET r.orcid = coalesce(r.orcid, row.orcid)
}
WITH r, row
WHERE NOT coalesce(r.seeded, false) AND r.openalexUpdated IS NULL
  AND coalesce(r.mentionedIn, '') < row.mentionedIn
SET r.name = row.name,
    r.orcid = row.orcid,
    r.mentionedIn = row.mentionedIn
