// Ids that name a researcher whose node has another key: lookups by them find the node.
UNWIND $rows AS row
MATCH (r:Researcher {key: row.key})
MERGE (alias:Alias {key: row.alias})
SET alias.label = 'Researcher',
    alias.retired = CASE WHEN row.retired THEN true ELSE alias.retired END
WITH alias, r
OPTIONAL MATCH (alias)-[stale:ALIAS_OF]->(other)
WHERE other <> r
DELETE stale
MERGE (alias)-[:ALIAS_OF]->(r)
