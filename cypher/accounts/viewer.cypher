UNWIND $keys AS key
MATCH (u:User {key: key})
RETURN key, u {.key, .name, .email, .role, .claimAllowance, .createdAt} AS item
