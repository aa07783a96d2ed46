MATCH (w:Work)
RETURN count(w) AS works
