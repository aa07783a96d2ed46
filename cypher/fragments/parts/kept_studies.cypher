// `studies`: researcher `r`'s topics, sorted by key, each with how many of their works are
// about it.
WITH *, COLLECT {
  MATCH (r)-[:AUTHORED]->(w)-[:ABOUT]->(t)
  WITH t, count(DISTINCT w) AS works
  RETURN {topic: t.key, works: works} AS study ORDER BY t.key
} AS studies
