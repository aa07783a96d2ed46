// Every researcher in order of the kept `hIndex` (resolvers/aggregates.py), then of key,
// read from the index instead of sorting them all (resolvers/compiler/roots.py
// ranked_by_index).
CREATE INDEX researcher_h_index IF NOT EXISTS FOR (r:Researcher) ON (r.hIndex, r.key)
