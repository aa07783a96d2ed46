// Whether every node's aggregates were kept, as `$version` defines them, by a pass over the
// graph; from then on every write path keeps those it touches.
OPTIONAL MATCH (kept:KeptAggregates {version: $version})
RETURN kept IS NOT NULL AS kept
