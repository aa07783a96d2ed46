// What a researcher's trust, verification level and claim status are derived from. A follow
// by the record's own claimant does not count, even one made before follows/follow refused
// it: the kept count of followers leaves it out (fragments/parts/researcher_followers).
OPTIONAL MATCH (:User)-[claim:CLAIMED {status: 'APPROVED'}]->(this)
WITH this, claim
ORDER BY claim.at
LIMIT 1
WITH {
  works: COUNT { (this)-[:AUTHORED]->() },
  followers: this.followers,
  hasOrcid: this.orcid IS NOT NULL,
  hasAffiliation: EXISTS { (this)-[a:AFFILIATED_WITH]->(:Institution) WHERE a.until IS NULL },
  importedLevel: this.verificationLevel,
  claimed: claim IS NOT NULL,
  claimPending: EXISTS { (:User)-[:CLAIMED {status: 'PENDING'}]->(this) },
  orcidVerified: coalesce(claim.orcidMatches, false),
  emailVerified: coalesce(claim.emailMatches, false)
} AS value
