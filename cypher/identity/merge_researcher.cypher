// One researcher node into another: every link moves, the survivor keeps its own values
// and takes the others' where it has none, and the merged node is gone.
UNWIND $rows AS row
MATCH (from:Researcher {key: row.from}), (into:Researcher {key: row.into})
CALL (from, into) {
  MATCH (from)-[:AUTHORED]->(:Work)-[a:AFFILIATION]->(:Institution)
  WHERE a.researcher = from.key
  SET a.researcher = into.key
}
CALL (from, into) {
  MATCH (from)-[old:AUTHORED]->(w:Work)
  WHERE NOT EXISTS { (into)-[:AUTHORED]->(w) }
  CREATE (into)-[new:AUTHORED]->(w)
  SET new = properties(old)
}
CALL (from, into) {
  MATCH (from)-[old:AFFILIATED_WITH]->(i:Institution)
  WHERE NOT EXISTS { (into)-[:AFFILIATED_WITH]->(i) }
  CREATE (into)-[new:AFFILIATED_WITH]->(i)
  SET new = properties(old)
}
CALL (from, into) {
  MATCH (u:User)-[old:FOLLOWS]->(from)
  WHERE NOT EXISTS { (u)-[:FOLLOWS]->(into) }
  CREATE (u)-[new:FOLLOWS]->(into)
  SET new = properties(old)
}
CALL (from, into) {
  // a claim's key is unique: the old relationship goes before the new one comes
  MATCH (u:User)-[old:CLAIMED]->(from)
  WITH u, old, properties(old) AS kept
  DELETE old
  CREATE (u)-[new:CLAIMED]->(into)
  SET new = kept
}
CALL (from, into) {
  MATCH (i:Invitation)-[:TO]->(from)
  CREATE (i)-[:TO]->(into)
}
CALL (from, into) {
  MATCH (a:Alias)-[:ALIAS_OF]->(from)
  CREATE (a)-[:ALIAS_OF]->(into)
}
// The name comes from the strongest record of the two: the seed's, then the newer
// OpenAlex author record, then the newer byline (docs/identity.md).
WITH from, into, CASE
  WHEN coalesce(into.seeded, false) THEN into
  WHEN coalesce(from.seeded, false) THEN from
  WHEN coalesce(from.openalexUpdated, localdatetime({year: 1})) > coalesce(into.openalexUpdated, localdatetime({year: 1}))
    THEN from
  WHEN into.openalexUpdated IS NOT NULL THEN into
  WHEN coalesce(from.mentionedIn, '') > coalesce(into.mentionedIn, '') THEN from
  ELSE into
END AS named
SET into.name = named.name,
    into.orcid = coalesce(named.orcid, into.orcid, from.orcid)
WITH from, into, named
CALL (from, into) {
  UNWIND [name IN keys(from) WHERE name <> 'key' AND into[name] IS NULL] AS name
  SET into[name] = from[name]
}
WITH from, into, named, CASE
  WHEN coalesce(from.openalexUpdated, localdatetime({year: 1})) > coalesce(into.openalexUpdated, localdatetime({year: 1}))
    THEN from
  ELSE into
END AS recorded
SET into.openalexUpdated = recorded.openalexUpdated,
    into.alternativeNames = recorded.alternativeNames,
    into.mentionedIn = CASE
      WHEN recorded.openalexUpdated IS NOT NULL OR coalesce(into.seeded, false) THEN null
      ELSE named.mentionedIn
    END
DETACH DELETE from
