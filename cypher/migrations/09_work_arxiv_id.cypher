CREATE INDEX work_arxiv_id IF NOT EXISTS FOR (n:Work) ON (n.arxivId)
