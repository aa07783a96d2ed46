// Ids that name a work whose node has another key: lookups by them find the node.
UNWIND $rows AS row
MATCH (w:Work {key: row.key})
MERGE (alias:Alias {key: row.alias})
SET alias.label = 'Work', alias.retired = true
WITH alias, w
OPTIONAL MATCH (alias)-[stale:ALIAS_OF]->(other)
WHERE other <> w
DELETE stale
MERGE (alias)-[:ALIAS_OF]->(w)
