CALL () {
  MATCH (c:Researcher {key: $key}) WHERE $kind = 'Researcher' RETURN c
  UNION
  MATCH (c:Work {key: $key}) WHERE $kind = 'Work' RETURN c
  UNION
  MATCH (c:Topic {key: $key}) WHERE $kind = 'Topic' RETURN c
  UNION
  MATCH (c:Institution {key: $key}) WHERE $kind = 'Institution' RETURN c
}
CALL (c) {
  MATCH (c)-[r:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-(m)
  WITH r, m LIMIT $scan
  WITH m, collect(r) AS rels, max(coalesce(r.score, 1.0)) AS strength, count(*) AS seen
  WITH m, rels, strength, seen, labels(m)[0] IN $kinds AS wanted, COUNT { (m)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() } AS weight
  ORDER BY strength DESC, weight DESC, m.key
  RETURN collect(CASE WHEN wanted THEN {node: m, rels: rels, weight: weight, strength: strength} END) AS ranked,
         coalesce(sum(seen), 0) >= $scan AS truncated
}
WITH c, ranked[$offset..$offset + $limit] AS page, size(ranked) AS total, truncated
RETURN
  [{kind: labels(c)[0], key: c.key, label: coalesce(c.name, c.title), weight: COUNT { (c)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() }, strength: 1.0, hop: 0}]
  + [item IN page | {
      kind: labels(item.node)[0],
      key: item.node.key,
      label: coalesce(item.node.name, item.node.title),
      weight: item.weight,
      strength: item.strength,
      hop: 1
    }] AS nodes,
  [r IN reduce(rs = [], item IN page | rs + item.rels) | {
    kind: type(r),
    sourceKind: labels(startNode(r))[0],
    source: startNode(r).key,
    targetKind: labels(endNode(r))[0],
    target: endNode(r).key,
    weight: coalesce(r.score, 1.0),
    researcher: r.researcher
  }] AS edges,
  total,
  truncated
