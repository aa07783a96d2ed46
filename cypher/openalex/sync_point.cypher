OPTIONAL MATCH (point:SyncPoint {key: $key})
RETURN point.through AS through
