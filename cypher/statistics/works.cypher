// Of works, the most that any one has of each pattern (core/work.py), read from degrees.
MATCH (w:Work)
RETURN max(COUNT { (w)<-[:AUTHORED]-() }) AS `work.authors`,
       max(COUNT { (w)-[:ABOUT]->() }) AS `work.topics`,
       max(COUNT { (w)-[:AFFILIATION]->() }) AS `work.affiliations`,
       max(COUNT { (w)-[:CITES]->() }) AS `work.references`,
       max(COUNT { (w)<-[:CITES]-() }) AS `work.citedBy`
