UNWIND $keys AS key
MATCH (sender:User)-[:SENT]->(i:Invitation {key: key})-[:TO]->(r:Researcher)
RETURN key, i {.*, from: sender {.key, .name}, to: r {.*}} AS item
