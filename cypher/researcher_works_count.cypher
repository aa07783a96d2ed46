UNWIND $keys AS key
MATCH (r:Researcher {key: key})
RETURN key, COUNT { (r)-[:AUTHORED]->(:Work) } AS count
