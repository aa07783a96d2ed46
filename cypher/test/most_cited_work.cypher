// The work the most works in the graph cite, and how many do.
MATCH (w:Work)<-[:CITES]-(citing:Work)
WITH w, count(citing) AS works
RETURN w.key AS key, works
ORDER BY works DESC, key
LIMIT 1
