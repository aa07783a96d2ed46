OPTIONAL MATCH (stale:ImportLock {key: $key})
WHERE stale.heartbeatAt < datetime() - duration({seconds: $staleAfter})
DELETE stale
CREATE (:ImportLock {
  key: $key,
  owner: $owner,
  holder: $holder,
  startedAt: datetime(),
  heartbeatAt: datetime()
})
