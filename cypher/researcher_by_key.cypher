UNWIND $keys AS key
MATCH (n:Researcher {key: key})
RETURN key, n {.*} AS item
