CREATE INDEX affiliation_researcher IF NOT EXISTS FOR ()-[a:AFFILIATION]-() ON (a.researcher)
