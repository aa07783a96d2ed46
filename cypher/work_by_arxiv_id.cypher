MATCH (n:Work {arxivId: $arxivId})
RETURN n {.*} AS item
ORDER BY n.key
LIMIT 1
