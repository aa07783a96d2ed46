// Every WorkTally bucket of a topic or institution, for a test's own model to check.
MATCH (o)-[:TALLIES]->(t)
RETURN o.key AS owner, t.year AS year, t.openAccess AS openAccess, t.works AS works,
       t.cited AS cited, t.citedSum AS citedSum, t.citedMin AS citedMin,
       t.citedMinHolders AS citedMinHolders, t.citedMax AS citedMax,
       t.citedMaxHolders AS citedMaxHolders
