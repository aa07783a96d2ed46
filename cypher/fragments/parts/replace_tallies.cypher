// Replaces the WorkTally nodes of `o` with `tallies`.
CALL (o) {
  MATCH (o)-[:TALLIES]->(kept)
  DETACH DELETE kept
}
CALL (o, tallies) {
  UNWIND tallies AS tally
  CREATE (o)-[:TALLIES]->(kept:WorkTally)
  SET kept = tally
}
