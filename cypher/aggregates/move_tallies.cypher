// Sets the figures of the buckets `$rows` ({kind, owner, bucket, year, openAccess, figures})
// as a write moved them (resolvers/tallies.py); a bucket left without works goes.
UNWIND $rows AS row
// include fragments/parts/tally_owner
MERGE (o)-[:TALLIES]->(kept:WorkTally {bucket: row.bucket})
SET kept += row.figures, kept.year = row.year, kept.openAccess = row.openAccess
WITH kept WHERE kept.works = 0
DETACH DELETE kept
