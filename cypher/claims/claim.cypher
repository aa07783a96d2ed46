UNWIND $keys AS key
MATCH (u:User)-[c:CLAIMED {key: key}]->(r:Researcher)
RETURN key, c {.*, researcher: r {.*}, claimant: u {.key, .name}} AS item
