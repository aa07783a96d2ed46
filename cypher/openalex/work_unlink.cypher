UNWIND $keys AS key
MATCH (w:Work {key: key})
CALL (w) {
  MATCH (w)-[old:ABOUT|AFFILIATION|CITES]->()
  DELETE old
}
CALL (w) {
  MATCH (:Researcher)-[old:AUTHORED]->(w)
  DELETE old
}
CALL (w) {
  MATCH (w)-[old:CITES_MISSING]->(missing:MissingWork)
  DELETE old
  WITH missing
  WHERE NOT EXISTS { (missing)<-[:CITES_MISSING]-() }
  DELETE missing
}
