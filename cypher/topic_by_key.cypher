UNWIND $keys AS key
MATCH (n:Topic {key: key})
RETURN key, n {.*} AS item
