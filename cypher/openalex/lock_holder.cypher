MATCH (lock:ImportLock {key: $key})
RETURN lock.holder AS holder, lock.startedAt AS startedAt, lock.heartbeatAt AS heartbeatAt
