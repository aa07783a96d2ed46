// Works: full-text hits, and an exact DOI, arXiv id or OpenAlex id (the key of the work the
// importer made of its record, or the id a seed work holds).
CALL db.index.fulltext.queryNodes('work_text', $text, {limit: $limit}) YIELD node, score
RETURN 'Work' AS kind, node, score, false AS exact
UNION ALL
MATCH (node:Work)
WHERE node.doi = $doi OR node.arxivId = $arxivId OR node.key = $openalexId
  OR node.openalexId = $openalexId
RETURN 'Work' AS kind, node, null AS score, true AS exact
