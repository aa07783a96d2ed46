UNWIND $keys AS key
MATCH (r:Researcher {key: key})
CALL (r) {
  OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
  WITH w ORDER BY w.year DESC, w.key LIMIT $worksScanned
  OPTIONAL MATCH (w)<-[:AUTHORED]-(c:Researcher)
  WHERE c <> r
  RETURN collect(DISTINCT c) AS coauthors
}
CALL (r) {
  OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
  WITH w ORDER BY w.year DESC, w.key LIMIT $worksScanned
  OPTIONAL MATCH (w)-[a:ABOUT]->(t:Topic)
  WITH t, sum(a.score) AS weight
  WHERE t IS NOT NULL
  ORDER BY weight DESC, t.key
  LIMIT $topicsScanned
  RETURN collect(t) AS topics
}
CALL (r, coauthors, topics) {
  UNWIND coauthors[..$coauthorsScanned] AS c
  CALL (c) {
    MATCH (c)-[:AUTHORED]->(w:Work)
    WITH w ORDER BY w.year DESC, w.key LIMIT $perNeighborScanned
    MATCH (w)<-[:AUTHORED]-(candidate:Researcher)
    RETURN DISTINCT candidate
  }
  WITH r, coauthors, candidate, c
  WHERE candidate <> r AND NOT candidate IN coauthors
  RETURN candidate, c.name AS via, null AS topic
  UNION
  UNWIND topics AS t
  CALL (t) {
    MATCH (t)<-[:ABOUT]-(w:Work)
    WITH w LIMIT $perNeighborScanned
    MATCH (w)<-[:AUTHORED]-(candidate:Researcher)
    RETURN DISTINCT candidate
  }
  WITH r, coauthors, candidate, t
  WHERE candidate <> r AND NOT candidate IN coauthors
  RETURN candidate, null AS via, t.name AS topic
}
WITH key, candidate,
     collect(DISTINCT via) AS via,
     collect(DISTINCT topic) AS sharedTopics
WITH key, candidate, via, sharedTopics,
     size(via) * $coauthorWeight + size(sharedTopics) * $topicWeight AS score
ORDER BY candidate.openToCollaborate DESC, score DESC, candidate.key
WITH key, collect({
  researcher: candidate {.*},
  score: score,
  sharedCoauthors: size(via),
  via: via[..3],
  sharedTopics: sharedTopics
})[..$limit] AS items
RETURN key, items
