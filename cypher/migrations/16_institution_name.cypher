CREATE FULLTEXT INDEX institution_name IF NOT EXISTS FOR (n:Institution) ON EACH [n.name]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
