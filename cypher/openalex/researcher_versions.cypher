UNWIND $keys AS key
MATCH (n:Researcher {key: key})
WHERE n.openalexUpdated IS NOT NULL
RETURN key, n.openalexUpdated AS version, false AS cited
