OPTIONAL MATCH (u:User {key: $user})
// include fragments/parts/researcher_named
WITH u, r, u IS NOT NULL AS signedIn, r IS NOT NULL AS found
CALL (u, r) {
  MATCH (u)-[f:FOLLOWS]->(r)
  DELETE f
}
// include fragments/parts/kept_followers
RETURN signedIn, found
