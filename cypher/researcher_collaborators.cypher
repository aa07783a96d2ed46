UNWIND $keys AS key
MATCH (r:Researcher {key: key})
RETURN key, COLLECT {
  MATCH (r)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(c:Researcher)
  WITH c, w, COUNT { (w)<-[:AUTHORED]-(:Researcher) } AS team
  WITH c, count(w) AS sharedWorks, sum(1.0 / (team - 1)) AS strength, max(w.year) AS lastYear
  RETURN {researcher: c {.*}, sharedWorks: sharedWorks, strength: strength, lastYear: lastYear}
  ORDER BY strength DESC, sharedWorks DESC, c.key
  LIMIT $limit
} AS items
