OPTIONAL MATCH (u:User {key: $user})
// include fragments/parts/researcher_named
// A sender's invitations are counted one transaction at a time, so the daily limit holds.
SET u._lock = true
WITH u, r
OPTIONAL MATCH (claimant:User)-[:CLAIMED {status: 'APPROVED'}]->(r)
WITH u, r,
     u IS NOT NULL AS signedIn,
     r IS NOT NULL AS found,
     claimant IS NOT NULL AS claimed,
     coalesce(r.openToCollaborate, false) AS open,
     claimant IS NULL OR claimant <> u AS notSelf,
     NOT EXISTS { (u)-[:SENT]->(:Invitation {status: 'PENDING'})-[:TO]->(r) } AS noPending,
     COUNT { (u)-[:SENT]->(i:Invitation) WHERE i.createdAt > datetime() - duration({hours: 24}) }
       < $perDay AS withinLimit
WITH *, signedIn AND found AND claimed AND open AND notSelf AND noPending AND withinLimit AS allowed
CALL (u, r, allowed) {
  WITH * WHERE allowed
  CREATE (u)-[:SENT]->(:Invitation {key: $key, message: $message, status: 'PENDING', createdAt: datetime()})-[:TO]->(r)
}
REMOVE u._lock
RETURN signedIn, found, claimed, open, notSelf, noPending, withinLimit
