// Records the identity rules would merge but whose claims belong to different accounts.
UNWIND $rows AS row
MERGE (conflict:IdentityConflict {keys: row.keys})
ON CREATE SET conflict.at = datetime()
