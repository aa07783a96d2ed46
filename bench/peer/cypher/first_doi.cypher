MATCH (w:Work)
WHERE w.key STARTS WITH 'gen:' AND w.doi IS NOT NULL
RETURN w.doi AS doi
ORDER BY w.key
LIMIT 1
