OPTIONAL MATCH (u:User {key: $user})
// include fragments/parts/researcher_named
// Claims by one user, and claims on one record, are decided one at a time: the checks
// below read what the previous transaction committed (Neo4j's documented lock idiom).
SET u._lock = true, r._lock = true
WITH u, r,
     u IS NOT NULL AS signedIn,
     r IS NOT NULL AS found,
     NOT EXISTS { (r)<-[:CLAIMED {status: 'APPROVED'}]-(:User) } AS unclaimed,
     NOT EXISTS { (r)<-[:CLAIMED {status: 'PENDING'}]-(:User) } AS noOpenClaim,
     coalesce(
       COUNT { (u)-[c:CLAIMED]->(:Researcher) WHERE c.status IN ['PENDING', 'APPROVED'] }
         < u.claimAllowance,
       false) AS withinAllowance,
     coalesce($orcid = r.orcid, false) AS orcidMatches,
     $emailDomain IS NOT NULL AND (
       EXISTS { (r)-[:AFFILIATED_WITH]->(i:Institution)
                WHERE any(d IN coalesce(i.domains, []) WHERE $emailDomain = d OR $emailDomain ENDS WITH '.' + d) }
       OR EXISTS { (r)-[:AUTHORED]->(:Work)-[a:AFFILIATION]->(i:Institution)
                   WHERE a.researcher = r.key
                     AND any(d IN coalesce(i.domains, []) WHERE $emailDomain = d OR $emailDomain ENDS WITH '.' + d) }
     ) AS emailMatches
WITH *, signedIn AND found AND unclaimed AND noOpenClaim AND withinAllowance AS allowed
CALL (u, r, allowed, orcidMatches, emailMatches) {
  WITH * WHERE allowed
  CREATE (u)-[:CLAIMED {
    key: $key,
    status: 'PENDING',
    at: datetime(),
    orcid: $orcid,
    institutionalEmail: $institutionalEmail,
    emailDomain: $emailDomain,
    note: $note,
    orcidMatches: orcidMatches,
    emailMatches: emailMatches
  }]->(r)
}
REMOVE u._lock, r._lock
RETURN signedIn, found, unclaimed, noOpenClaim, withinAllowance
