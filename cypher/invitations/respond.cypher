OPTIONAL MATCH (me:User {key: $user})
OPTIONAL MATCH (i:Invitation {key: $invitation})-[:TO]->(r:Researcher)
// An invitation is answered once, even when two answers race.
SET i._lock = true
WITH me, i, r,
     me IS NOT NULL AS signedIn,
     i IS NOT NULL AS found,
     EXISTS { (me)-[:CLAIMED {status: 'APPROVED'}]->(r) } AS recipient,
     coalesce(i.status = 'PENDING', false) AS pending
WITH *, signedIn AND found AND recipient AND pending AS allowed
CALL (i, allowed) {
  WITH * WHERE allowed
  SET i.status = $status, i.respondedAt = datetime()
}
REMOVE i._lock
RETURN signedIn, found, recipient, pending
