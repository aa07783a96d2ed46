// A topic's researchers in order of their works about it, read from the index instead of
// every authorship of the topic's works: each kept STUDIES keeps its topic's key beside
// `works` (resolvers/aggregates.py).
CREATE INDEX studies_topic_works IF NOT EXISTS
FOR ()-[s:STUDIES]-() ON (s.topic, s.works)
