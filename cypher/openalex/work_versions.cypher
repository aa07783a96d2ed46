UNWIND $keys AS key
OPTIONAL MATCH (n:Work {key: key})
WITH key, n.openalexUpdated AS version, EXISTS { MATCH (:MissingWork {key: key}) } AS cited
WHERE version IS NOT NULL OR cited
RETURN key, version, cited
