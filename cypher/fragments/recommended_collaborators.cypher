// Researchers who are not co-authors yet: co-authors of co-authors and authors on the
// same strongest topics, each side bounded (docs/metrics.md).
CALL (this) {
  OPTIONAL MATCH (this)-[:AUTHORED]->(w:Work)
  WITH w ORDER BY w.year DESC, w.key LIMIT $worksScanned
  OPTIONAL MATCH (w)<-[:AUTHORED]-(c:Researcher)
  WHERE c <> this
  RETURN collect(DISTINCT c) AS coauthors
}
CALL (this) {
  OPTIONAL MATCH (this)-[:AUTHORED]->(w:Work)
  WITH w ORDER BY w.year DESC, w.key LIMIT $worksScanned
  OPTIONAL MATCH (w)-[a:ABOUT]->(t:Topic)
  WITH t, sum(a.score) AS weight
  WHERE t IS NOT NULL
  ORDER BY weight DESC, t.key
  LIMIT $topicsScanned
  RETURN collect(t) AS topics
}
CALL (this, coauthors, topics) {
  UNWIND coauthors[..$coauthorsScanned] AS c
  // Any of the co-author's works, as on the topic side: ordering them would read every
  // one, and a prolific co-author would cost what a hub costs.
  CALL (c) {
    MATCH (c)-[:AUTHORED]->(w:Work)
    WITH w LIMIT $perNeighborScanned
    MATCH (w)<-[:AUTHORED]-(candidate:Researcher)
    RETURN DISTINCT candidate
  }
  WITH this, coauthors, candidate, c
  WHERE candidate <> this AND NOT candidate IN coauthors
  RETURN candidate, c.name AS via, null AS topic
  // ALL: the grouping below drops repeats, and a UNION's own DISTINCT would hold every
  // row with the co-author list it carries (35 KiB a row for a hub: 700 MiB for its 200)
  UNION ALL
  UNWIND topics AS t
  CALL (t) {
    MATCH (t)<-[:ABOUT]-(w:Work)
    WITH w LIMIT $perNeighborScanned
    MATCH (w)<-[:AUTHORED]-(candidate:Researcher)
    RETURN DISTINCT candidate
  }
  WITH this, coauthors, candidate, t
  WHERE candidate <> this AND NOT candidate IN coauthors
  RETURN candidate, null AS via, t.name AS topic
}
WITH candidate, collect(DISTINCT via) AS via, collect(DISTINCT topic) AS sharedTopics
WITH candidate, via, sharedTopics,
     size(via) * $coauthorWeight + size(sharedTopics) * $topicWeight AS score
ORDER BY candidate.openToCollaborate DESC, score DESC, candidate.key
LIMIT $limit
WITH candidate AS researcher, score, size(via) AS sharedCoauthors, sharedTopics,
     {sharedCoauthors: size(via), via: via[..3], sharedTopics: sharedTopics} AS reasons
