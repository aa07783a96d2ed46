MATCH (conflict:IdentityConflict)
RETURN conflict.keys AS keys
ORDER BY keys
