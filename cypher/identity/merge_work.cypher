// One work node into another: its citations in and out, authors, topics and paper-level
// affiliations join the survivor's where the survivor lacks them, its aliases follow, and
// the survivor takes the values it has none of.
UNWIND $rows AS row
MATCH (from:Work {key: row.from}), (into:Work {key: row.into})
CALL (from, into) {
  MATCH (citing:Work)-[:CITES]->(from)
  WHERE citing <> into AND NOT EXISTS { (citing)-[:CITES]->(into) }
  CREATE (citing)-[:CITES]->(into)
}
CALL (from, into) {
  MATCH (from)-[:CITES]->(cited:Work)
  WHERE cited <> into AND NOT EXISTS { (into)-[:CITES]->(cited) }
  CREATE (into)-[:CITES]->(cited)
}
CALL (from, into) {
  MATCH (from)-[:CITES_MISSING]->(missing:MissingWork)
  WHERE NOT EXISTS { (into)-[:CITES_MISSING]->(missing) }
  CREATE (into)-[:CITES_MISSING]->(missing)
}
CALL (from, into) {
  MATCH (r:Researcher)-[old:AUTHORED]->(from)
  WHERE NOT EXISTS { (r)-[:AUTHORED]->(into) }
  CREATE (r)-[new:AUTHORED]->(into)
  SET new = properties(old)
}
CALL (from, into) {
  MATCH (from)-[old:ABOUT]->(t:Topic)
  WHERE NOT EXISTS { (into)-[:ABOUT]->(t) }
  CREATE (into)-[new:ABOUT]->(t)
  SET new = properties(old)
}
CALL (from, into) {
  MATCH (from)-[old:AFFILIATION]->(i:Institution)
  WHERE NOT EXISTS { (into)-[:AFFILIATION {researcher: old.researcher}]->(i) }
  CREATE (into)-[new:AFFILIATION]->(i)
  SET new = properties(old)
}
CALL (from, into) {
  MATCH (a:Alias)-[:ALIAS_OF]->(from)
  CREATE (a)-[:ALIAS_OF]->(into)
}
CALL (from, into) {
  UNWIND [name IN keys(from) WHERE NOT name IN ['key', 'openalexId'] AND into[name] IS NULL] AS name
  SET into[name] = from[name]
}
DETACH DELETE from
