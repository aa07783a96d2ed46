OPTIONAL MATCH (u:User {key: $user})
// include fragments/parts/researcher_named
WITH u, r,
     u IS NOT NULL AS signedIn,
     r IS NOT NULL AS found,
     EXISTS { (u)-[:CLAIMED {status: 'APPROVED'}]->(r) } AS claimant
CALL (r, signedIn, found, claimant) {
  WITH * WHERE signedIn AND found AND claimant
  SET r.headline = CASE WHEN $changeHeadline THEN $headline ELSE r.headline END,
      r.openToCollaborate = coalesce($openToCollaborate, r.openToCollaborate)
}
RETURN signedIn, found, claimant
