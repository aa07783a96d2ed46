CREATE INDEX researcher_orcid IF NOT EXISTS FOR (n:Researcher) ON (n.orcid)
