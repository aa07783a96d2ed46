MERGE (r:Researcher {key: 'test:solo'})
SET r.name = 'A Solo Author', r.openToCollaborate = false, r.verificationLevel = 'L1'
MERGE (w:Work {key: 'test:solo-work'})
SET w.title = 'A paper written alone', w.type = 'article', w.year = 2024, w.citedByCount = 3
MERGE (r)-[:AUTHORED {position: 1}]->(w)
