// `followers`: researcher `r`'s follows, less its approved claimant's, which would vouch
// for itself (docs/metrics.md); a record has at most one approved claim.
WITH *, COUNT { (r)<-[:FOLLOWS]-(:User) }
  - COUNT { (r)<-[:CLAIMED {status: 'APPROVED'}]-(:User)-[:FOLLOWS]->(r) } AS followers
