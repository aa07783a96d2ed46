MATCH (n:Topic)
RETURN count(n) AS count
