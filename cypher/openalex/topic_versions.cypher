UNWIND $rows AS row
WITH row.key AS key
MATCH (n:Topic {key: key})
WHERE n.openalexUpdated IS NOT NULL
RETURN key, key AS node, n.openalexUpdated AS version, false AS cited
