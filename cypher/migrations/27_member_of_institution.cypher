// An institution's members in order of their works there, read from the index instead of
// every MEMBER_OF of the busiest institution: each keeps its institution's key beside
// `works` (resolvers/aggregates.py).
CREATE INDEX member_of_institution_works IF NOT EXISTS
FOR ()-[m:MEMBER_OF]-() ON (m.institution, m.works)
