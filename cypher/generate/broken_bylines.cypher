MATCH (w:Work)
OPTIONAL MATCH (r:Researcher)-[a:AUTHORED]->(w)
WITH w,
  count(a) AS authors,
  count(DISTINCT r) AS researchers,
  count(DISTINCT a.position) AS positions,
  min(a.position) AS first,
  max(a.position) AS last
WHERE authors = 0 OR researchers <> authors OR positions <> authors OR first <> 1 OR last <> authors
RETURN w.key AS work
