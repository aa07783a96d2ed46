// The graph's nodes, but the marker of kept aggregates, and its relationships by type.
CALL () {
  MATCH (n)
  WHERE NOT n:KeptAggregates
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(r) AS count
  RETURN collect([type, count]) AS relationships
}
RETURN nodes, relationships
