OPTIONAL MATCH (u:User {key: $user})
// include fragments/parts/researcher_named
WITH u, r, u IS NOT NULL AS signedIn, r IS NOT NULL AS found
// Following the record one claimed would vouch for oneself (docs/metrics.md).
WITH u, r, signedIn, found,
     NOT EXISTS { (u)-[:CLAIMED {status: 'APPROVED'}]->(r) } AS notSelf
CALL (u, r, signedIn, found, notSelf) {
  WITH * WHERE signedIn AND found AND notSelf
  // MERGE between two bound nodes locks them before creating: racing follows make one edge.
  MERGE (u)-[f:FOLLOWS]->(r)
  ON CREATE SET f.at = datetime()
}
// include fragments/parts/kept_followers
RETURN signedIn, found, notSelf
