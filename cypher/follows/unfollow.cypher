OPTIONAL MATCH (u:User {key: $user})
// include identity/researcher_named
WITH u, r, u IS NOT NULL AS signedIn, r IS NOT NULL AS found
CALL (u, r) {
  MATCH (u)-[f:FOLLOWS]->(r)
  DELETE f
}
RETURN signedIn, found
