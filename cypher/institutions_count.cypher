MATCH (n:Institution)
RETURN count(n) AS count
