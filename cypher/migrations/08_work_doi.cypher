CREATE INDEX work_doi IF NOT EXISTS FOR (n:Work) ON (n.doi)
