// `kept` and `counted`: the WorkTally nodes of `o` and `tallies`, as lists that compare
// equal when they agree (a missing value reads -1: a list holding null compares to null).
WITH *,
  COLLECT {
    MATCH (o)-[:TALLIES]->(kept)
    RETURN [kept.bucket, kept.works, kept.cited, kept.citedSum,
            coalesce(kept.citedMin, -1), kept.citedMinHolders,
            coalesce(kept.citedMax, -1), kept.citedMaxHolders] AS tally
    ORDER BY tally[0]
  } AS kept,
  [tally IN tallies |
    [tally.bucket, tally.works, tally.cited, tally.citedSum,
     coalesce(tally.citedMin, -1), tally.citedMinHolders,
     coalesce(tally.citedMax, -1), tally.citedMaxHolders]] AS counted
