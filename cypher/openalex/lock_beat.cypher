MATCH (lock:ImportLock {key: $key, owner: $owner})
SET lock.heartbeatAt = datetime()
RETURN count(lock) AS held
