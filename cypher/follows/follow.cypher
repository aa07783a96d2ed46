OPTIONAL MATCH (u:User {key: $user})
// include fragments/parts/researcher_named
WITH u, r, u IS NOT NULL AS signedIn, r IS NOT NULL AS found
CALL (u, r, signedIn, found) {
  WITH * WHERE signedIn AND found
  // MERGE between two bound nodes locks them before creating: racing follows make one edge.
  MERGE (u)-[f:FOLLOWS]->(r)
  ON CREATE SET f.at = datetime()
}
RETURN signedIn, found
