MATCH (n:Institution {ror: $ror})
RETURN n {.*} AS item
ORDER BY n.key
LIMIT 1
