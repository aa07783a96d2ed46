OPTIONAL MATCH (m:User {key: $moderator})
OPTIONAL MATCH (u:User)-[c:CLAIMED {key: $claim}]->(r:Researcher)
// Two moderators deciding the same claim at once: the second sees the first's decision.
SET c._lock = true
WITH m, u, c, r,
     m IS NOT NULL AS signedIn,
     coalesce(m.role = 'moderator', false) AS moderator,
     c IS NOT NULL AS found,
     m <> u AS notOwn,
     c.status = 'PENDING' AS pending
WITH *, signedIn AND moderator AND found AND notOwn AND pending AS allowed
CALL (c, m, allowed) {
  WITH * WHERE allowed
  SET c.status = $status, c.reviewedAt = datetime(), c.reviewer = m.key, c.reason = $reason
}
REMOVE c._lock
// an approved claimant's follow stops counting
WITH *
// include fragments/parts/kept_followers
RETURN signedIn, moderator, found, coalesce(notOwn, false) AS notOwn, coalesce(pending, false) AS pending
