MATCH (w:Work)
WHERE w.key STARTS WITH 'gen:'
RETURN count(w) AS works
