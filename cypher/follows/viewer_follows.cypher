UNWIND $keys AS key
RETURN key, EXISTS { (:User {key: $user})-[:FOLLOWS]->(:Researcher {key: key}) } AS follows
