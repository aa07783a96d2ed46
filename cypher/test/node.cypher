MATCH (n {key: $key})
RETURN labels(n) AS labels, properties(n) AS properties
