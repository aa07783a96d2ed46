// Works without a topic, the null group of a groupBy TOPIC over every work, found by the
// kept `topical` (resolvers/aggregates.py) instead of a look at every work.
CREATE INDEX work_topical IF NOT EXISTS FOR (w:Work) ON (w.topical)
