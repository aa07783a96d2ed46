MATCH (lock:ImportLock)
RETURN lock.key AS key
