MATCH (n:Work)
RETURN count(n) AS count
