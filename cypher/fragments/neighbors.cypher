// One page of a node's neighbours, strongest first, with the edges that reach them.
WITH this AS c
CALL (c) {
  // include fragments/parts/center_scan
  WITH m, collect(r) AS rels, max(coalesce(r.score, 1.0)) AS strength, count(*) AS seen
  // research relationships only, as the weights: kept ones (STUDIES...) are no links
  WITH m, rels, strength, seen, labels(m)[0] IN $kinds AS wanted,
       COUNT { (m)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() } AS degree
  ORDER BY strength DESC, degree DESC, m.key
  RETURN collect(CASE WHEN wanted THEN {node: m, rels: rels, strength: strength} END) AS ranked,
         coalesce(sum(seen), 0) >= $scan AS truncated
}
WITH c, ranked[$offset..$offset + $limit] AS page, size(ranked) AS total, truncated
// Weights are counted for the page only, over research relationships (see graph_slice).
CALL (c, page) {
  UNWIND [{node: c, strength: 1.0, hop: 0}] + [item IN page | item {.node, .strength, hop: 1}] AS item
  WITH item, item.node AS n
  RETURN collect({
    kind: labels(n)[0],
    key: n.key,
    label: coalesce(n.name, n.title),
    weight: COUNT { (n)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() },
    strength: item.strength,
    hop: item.hop
  }) AS nodes
}
WITH {
  kind: labels(c)[0],
  key: c.key,
  nodes: nodes,
  edges: [r IN reduce(rs = [], item IN page | rs + item.rels) | {
    kind: type(r),
    sourceKind: labels(startNode(r))[0],
    source: startNode(r).key,
    targetKind: labels(endNode(r))[0],
    target: endNode(r).key,
    weight: coalesce(r.score, 1.0),
    researcher: r.researcher
  }],
  total: total,
  truncated: truncated,
  offset: $offset
} AS value
