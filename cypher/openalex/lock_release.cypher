MATCH (lock:ImportLock {key: $key, owner: $owner})
DELETE lock
