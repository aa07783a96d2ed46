UNWIND $rows AS row
MATCH (n:Researcher {key: row.node})
WHERE n.openalexUpdated IS NOT NULL
RETURN row.key AS key, row.node AS node, n.openalexUpdated AS version, false AS cited
