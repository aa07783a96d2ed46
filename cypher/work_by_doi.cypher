MATCH (n:Work {doi: $doi})
RETURN n {.*} AS item
ORDER BY n.key
LIMIT 1
