// A seed work an OpenAlex record already brought (same DOI, else same arXiv id) is that
// record's node: it takes the seed's key and keeps the OpenAlex id as `openalexId`, as it
// would had the seed come first (cypher/openalex/work_versions.cypher).
UNWIND $rows AS row
WITH row
WHERE NOT EXISTS { MATCH (:Work {key: row.key}) }
WITH row, COLLECT {
  MATCH (w:Work {doi: row.doi})
  WHERE w.openalexUpdated IS NOT NULL AND w.openalexId IS NULL
  RETURN w.key AS key ORDER BY key LIMIT 1
} + COLLECT {
  MATCH (w:Work {arxivId: row.arxivId})
  WHERE w.openalexUpdated IS NOT NULL AND w.openalexId IS NULL
  RETURN w.key AS key ORDER BY key LIMIT 1
} AS found
WITH row, found[0] AS key
MATCH (w:Work {key: key})
SET w.openalexId = w.key, w.key = row.key
