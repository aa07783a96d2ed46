MATCH (n:Work)
WHERE $after IS NULL OR n.key > $after
RETURN n {.*} AS item
ORDER BY n.key
LIMIT $limit
