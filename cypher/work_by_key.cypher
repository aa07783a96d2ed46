UNWIND $keys AS key
MATCH (n:Work {key: key})
RETURN key, n {.*} AS item
