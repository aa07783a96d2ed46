CREATE INDEX work_year IF NOT EXISTS FOR (n:Work) ON (n.year)
