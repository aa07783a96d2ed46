UNWIND $rows AS work
UNWIND work.authors AS author
MATCH (w:Work {key: work.key}), (r:Researcher {key: author.researcher})
WHERE w.openalexUpdated IS NULL
MERGE (r)-[a:AUTHORED]->(w)
SET a.position = author.position
WITH w, r, author
UNWIND author.institutions AS institution
MATCH (i:Institution {key: institution})
MERGE (w)-[:AFFILIATION {researcher: r.key}]->(i)
