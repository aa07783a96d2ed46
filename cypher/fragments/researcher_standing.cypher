// What a researcher's trust, verification level and claim status are derived from. A follow
// by the record's own claimant does not count, even one made before follows/follow refused it.
OPTIONAL MATCH (:User)-[claim:CLAIMED {status: 'APPROVED'}]->(this)
WITH this, claim
ORDER BY claim.at
LIMIT 1
WITH {
  works: COUNT { (this)-[:AUTHORED]->() },
  // less the claimant's own, if any: a record has at most one approved claim, so this
  // reads the record's claims rather than every follower's
  followers: COUNT { (this)<-[:FOLLOWS]-(:User) }
    - COUNT { (this)<-[:CLAIMED {status: 'APPROVED'}]-(claimant:User)-[:FOLLOWS]->(this) },
  hasOrcid: this.orcid IS NOT NULL,
  hasAffiliation: EXISTS { (this)-[a:AFFILIATED_WITH]->(:Institution) WHERE a.until IS NULL },
  importedLevel: this.verificationLevel,
  claimed: claim IS NOT NULL,
  claimPending: EXISTS { (:User)-[:CLAIMED {status: 'PENDING'}]->(this) },
  orcidVerified: coalesce(claim.orcidMatches, false),
  emailVerified: coalesce(claim.emailMatches, false)
} AS value
