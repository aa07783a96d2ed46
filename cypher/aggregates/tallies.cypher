// The WorkTally nodes of the buckets `$rows` ({kind, owner, bucket}), null where none is kept.
UNWIND $rows AS row
// include fragments/parts/tally_owner
OPTIONAL MATCH (o)-[:TALLIES]->(kept)
  WHERE kept.bucket = row.bucket
RETURN row.kind AS kind, row.owner AS owner, row.bucket AS bucket, kept {.*} AS figures
