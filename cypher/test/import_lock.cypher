CREATE (:ImportLock {
  key: $key,
  owner: 'another importer',
  holder: $holder,
  startedAt: datetime() - duration({seconds: $ago}),
  heartbeatAt: datetime() - duration({seconds: $ago})
})
