// Full-text hits over the four kinds, best first; an exact identifier match ranks first
// (an OpenAlex id is the key of the node the importer made of its record).
CALL () {
  WITH * WHERE 'Work' IN $kinds
  CALL db.index.fulltext.queryNodes('work_text', $text, {limit: $limit}) YIELD node, score
  RETURN 'Work' AS kind, node, score, false AS exact
  UNION ALL
  WITH * WHERE 'Researcher' IN $kinds
  CALL db.index.fulltext.queryNodes('researcher_name', $text, {limit: $limit}) YIELD node, score
  RETURN 'Researcher' AS kind, node, score, false AS exact
  UNION ALL
  WITH * WHERE 'Topic' IN $kinds
  CALL db.index.fulltext.queryNodes('topic_text', $text, {limit: $limit}) YIELD node, score
  RETURN 'Topic' AS kind, node, score, false AS exact
  UNION ALL
  WITH * WHERE 'Institution' IN $kinds
  CALL db.index.fulltext.queryNodes('institution_name', $text, {limit: $limit}) YIELD node, score
  RETURN 'Institution' AS kind, node, score, false AS exact
  UNION ALL
  MATCH (node:Work)
  WHERE 'Work' IN $kinds
    AND (node.doi = $doi OR node.arxivId = $arxivId OR node.key = $openalexId OR node.openalexId = $openalexId)
  RETURN 'Work' AS kind, node, null AS score, true AS exact
  UNION ALL
  MATCH (node:Researcher)
  WHERE 'Researcher' IN $kinds AND (node.orcid = $orcid OR node.key = $openalexId)
  RETURN 'Researcher' AS kind, node, null AS score, true AS exact
  UNION ALL
  MATCH (node:Institution)
  WHERE 'Institution' IN $kinds AND (node.ror = $ror OR node.key = $openalexId)
  RETURN 'Institution' AS kind, node, null AS score, true AS exact
  UNION ALL
  MATCH (node:Topic {key: $openalexId})
  WHERE 'Topic' IN $kinds
  RETURN 'Topic' AS kind, node, null AS score, true AS exact
}
// A node found both ways is one hit; an exact identifier match ranks first, scored like the best hit.
WITH kind, node, max(score) AS score, max(exact) AS exact
WITH collect({kind: kind, node: node, score: score, exact: exact}) AS hits, max(score) AS top
UNWIND hits AS hit
WITH hit.kind AS kind, hit.node AS node, hit.exact AS exact,
     CASE WHEN hit.exact THEN coalesce(top, 1.0) ELSE hit.score END AS score
ORDER BY exact DESC, score DESC, kind, node.key
LIMIT $limit
