UNWIND $rows AS row
OPTIONAL MATCH (own:Work {key: row.key})
OPTIONAL MATCH (adopted:Work {openalexId: row.key})
OPTIONAL MATCH (:Alias {key: row.key})-[:ALIAS_OF]->(aliased:Work)
WITH row, coalesce(adopted, aliased, own) AS stored, aliased IS NOT NULL AS retired
WITH row, stored, retired, CASE WHEN stored IS NULL THEN
  COLLECT {
    MATCH (seed:Work {doi: row.doi})
    WHERE seed.openalexUpdated IS NULL
    RETURN seed.key ORDER BY seed.key LIMIT 1
  } + COLLECT {
    MATCH (seed:Work {arxivId: row.arxivId})
    WHERE seed.openalexUpdated IS NULL
    RETURN seed.key ORDER BY seed.key LIMIT 1
  } ELSE [] END AS seeds
WITH row.key AS key,
     coalesce(stored.key, seeds[0], row.key) AS node,
     stored.openalexUpdated AS version,
     EXISTS { MATCH (:MissingWork {key: row.key}) } AS cited,
     // OpenAlex merged this id into another: its records are stale copies
     retired
WHERE version IS NOT NULL OR cited OR node <> key
RETURN key, node, version, cited, retired
