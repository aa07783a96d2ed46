UNWIND $keys AS key
MATCH (r:Researcher {key: key})
OPTIONAL MATCH (:User)-[claim:CLAIMED {status: 'APPROVED'}]->(r)
RETURN key,
  COUNT { (r)-[:AUTHORED]->() } AS works,
  COUNT { (r)<-[:FOLLOWS]-(:User) } AS followers,
  EXISTS { (r)-[a:AFFILIATED_WITH]->(:Institution) WHERE a.until IS NULL } AS hasAffiliation,
  claim IS NOT NULL AS claimed,
  EXISTS { (:User)-[:CLAIMED {status: 'PENDING'}]->(r) } AS claimPending,
  coalesce(claim.orcidMatches, false) AS orcidVerified,
  coalesce(claim.emailMatches, false) AS emailVerified
