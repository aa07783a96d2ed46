CREATE FULLTEXT INDEX work_text IF NOT EXISTS FOR (n:Work) ON EACH [n.title, n.abstract]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
