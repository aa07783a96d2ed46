// Every researcher in order of the kept `citations` (resolvers/aggregates.py), then of key,
// read from the index instead of sorting them all (resolvers/compiler/roots.py
// ranked_by_index).
CREATE INDEX researcher_citations IF NOT EXISTS FOR (r:Researcher) ON (r.citations, r.key)
