CREATE INDEX work_openalex_id IF NOT EXISTS FOR (n:Work) ON (n.openalexId)
