// Every researcher in order of the kept `worksCount` (resolvers/aggregates.py), then of key,
// read from the index instead of sorting them all (resolvers/compiler/roots.py
// ranked_by_index).
CREATE INDEX researcher_works_count IF NOT EXISTS FOR (r:Researcher) ON (r.worksCount, r.key)
