CREATE FULLTEXT INDEX researcher_name IF NOT EXISTS FOR (n:Researcher) ON EACH [n.name]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
