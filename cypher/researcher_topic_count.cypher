UNWIND $keys AS key
MATCH (r:Researcher {key: key})
RETURN key, COUNT { MATCH (r)-[:AUTHORED]->(:Work)-[:ABOUT]->(t:Topic) RETURN DISTINCT t } AS count
