UNWIND $keys AS key
MATCH (n:Institution {key: key})
RETURN key, n {.*} AS item
