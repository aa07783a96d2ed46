// The graph's nodes, but those of kept aggregates (their marker and WorkTally buckets), and
// its relationships by type.
CALL () {
  MATCH (n)
  WHERE NOT n:KeptAggregates AND NOT n:WorkTally
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(r) AS count
  RETURN collect([type, count]) AS relationships
}
RETURN nodes, relationships
