MATCH (n:Researcher)
RETURN count(n) AS count
