CREATE FULLTEXT INDEX topic_text IF NOT EXISTS FOR (n:Topic) ON EACH [n.name, n.description]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
