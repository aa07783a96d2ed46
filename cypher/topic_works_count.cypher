UNWIND $keys AS key
MATCH (t:Topic {key: key})
RETURN key, COUNT { (:Work)-[:ABOUT]->(t) } AS count
