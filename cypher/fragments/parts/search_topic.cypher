// Topics: full-text hits, and an exact OpenAlex id.
CALL db.index.fulltext.queryNodes('topic_text', $text, {limit: $limit}) YIELD node, score
RETURN 'Topic' AS kind, node, score, false AS exact
UNION ALL
MATCH (node:Topic {key: $openalexId})
RETURN 'Topic' AS kind, node, null AS score, true AS exact
