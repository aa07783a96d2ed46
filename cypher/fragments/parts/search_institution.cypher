// Institutions: full-text hits on names, and an exact ROR or OpenAlex id.
CALL db.index.fulltext.queryNodes('institution_name', $text, {limit: $limit}) YIELD node, score
RETURN 'Institution' AS kind, node, score, false AS exact
UNION ALL
MATCH (node:Institution)
WHERE node.ror = $ror OR node.key = $openalexId
RETURN 'Institution' AS kind, node, null AS score, true AS exact
