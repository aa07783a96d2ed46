UNWIND $keys AS key
MATCH (u:User {key: key})
RETURN key, COUNT { (u)-[:FOLLOWS]->(:Researcher) } AS count
