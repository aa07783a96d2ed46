CREATE INDEX institution_ror IF NOT EXISTS FOR (n:Institution) ON (n.ror)
