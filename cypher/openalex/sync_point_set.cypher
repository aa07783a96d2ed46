MERGE (point:SyncPoint {key: $key})
SET point.through = $through
