// Over each researcher's works, their authors, citing works and topics: the most of each,
// walked for every researcher.
MATCH (r:Researcher)
CALL (r) {
  MATCH (r)-[:AUTHORED]->(w:Work)
  RETURN sum(COUNT { (w)<-[:AUTHORED]-() }) AS authorships,
         sum(COUNT { (w)<-[:CITES]-() }) AS citedBy,
         sum(COUNT { (w)-[:ABOUT]->() }) AS topics
}
RETURN max(authorships) AS authorships, max(citedBy) AS citedBy, max(topics) AS topics
