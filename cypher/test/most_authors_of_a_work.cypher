// Walked, not read from the degrees: the statistics' figure computed another way.
MATCH (w:Work)<-[:AUTHORED]-(r)
WITH w, count(r) AS authors
RETURN coalesce(max(authors), 0) AS authors
