UNWIND $keys AS key
MATCH (t:Topic {key: key})
RETURN key, COUNT { MATCH (r:Researcher)-[:AUTHORED]->(:Work)-[:ABOUT]->(t) RETURN DISTINCT r } AS count
