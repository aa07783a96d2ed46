// Researchers: full-text hits on names, and an exact ORCID or OpenAlex id.
CALL db.index.fulltext.queryNodes('researcher_name', $text, {limit: $limit}) YIELD node, score
RETURN 'Researcher' AS kind, node, score, false AS exact
UNION ALL
MATCH (node:Researcher)
WHERE node.orcid = $orcid OR node.key = $openalexId
RETURN 'Researcher' AS kind, node, null AS score, true AS exact
