// A node's neighbourhood for the explorer (docs/explorer.md): ranked, capped per kind,
// with research-relationship weights for the kept nodes only.
WITH this AS c
CALL (c) {
  // include fragments/parts/center_scan
  WITH m, collect(r) AS rels, max(coalesce(r.score, 1.0)) AS strength, count(*) AS seen
  // research relationships only, as the weights: kept ones (STUDIES...) are no links
  WITH m, rels, strength, seen,
       COUNT { (m)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() } AS degree
  ORDER BY strength DESC, degree DESC, m.key
  WITH labels(m)[0] AS kind,
       collect({node: m, rels: rels, strength: strength}) AS ranked,
       sum(seen) AS seen
  RETURN reduce(kept = [], group IN collect(ranked[..$limit]) | kept + group) AS hop1,
         coalesce(sum(seen), 0) >= $scan OR coalesce(max(size(ranked)), 0) > $limit AS cut1
}
CALL (c, hop1) {
  WITH c, [item IN hop1 | item.node] AS known
  UNWIND CASE WHEN $depth >= 2 THEN known ELSE [] END AS n
  WITH c, known, n,
       COUNT { (n)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() } > $scanPerNeighbor AS capped
  CALL (c, n) {
    MATCH (n)-[r:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-(m)
    WHERE m <> c
    WITH r, m LIMIT $scanPerNeighbor
    RETURN r, m
  }
  WITH known, m, collect(r) AS rels, count(DISTINCT n) AS links, max(CASE WHEN capped THEN 1 ELSE 0 END) AS capped
  WITH m, rels, links, capped, m IN known AS inner,
       COUNT { (m)-[:AUTHORED|ABOUT|AFFILIATION|AFFILIATED_WITH|SUBTOPIC_OF|CITES]-() } AS degree
  ORDER BY links DESC, degree DESC, m.key
  WITH labels(m)[0] AS kind, inner,
       collect({node: m, rels: rels, strength: toFloat(links)}) AS ranked,
       max(capped) AS capped
  RETURN reduce(kept = [], group IN collect(CASE WHEN inner THEN [] ELSE ranked[..$limit] END) | kept + group) AS hop2,
         reduce(found = [], group IN collect(CASE WHEN inner THEN ranked ELSE [] END) |
           found + reduce(rs = [], item IN group | rs + item.rels)) AS innerRels,
         coalesce(max(capped), 0) = 1
           OR coalesce(max(CASE WHEN NOT inner AND size(ranked) > $limit THEN 1 ELSE 0 END), 0) = 1 AS cut2
}
WITH c, cut1 OR cut2 AS truncated,
     [{node: c, strength: 1.0, hop: 0}]
       + [item IN hop1 | item {.node, .strength, hop: 1}]
       + [item IN hop2 | item {.node, .strength, hop: 2}] AS items,
     reduce(rs = [], item IN hop1 + hop2 | rs + item.rels) + innerRels AS rels
// Only the kept nodes' weights are counted, and only over research relationships:
// follows, claims and invitations are nobody's business in an explorer.
CALL (items) {
  UNWIND items AS item
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
  edges: [r IN rels | {
    kind: type(r),
    sourceKind: labels(startNode(r))[0],
    source: startNode(r).key,
    targetKind: labels(endNode(r))[0],
    target: endNode(r).key,
    weight: coalesce(r.score, 1.0),
    researcher: r.researcher
  }],
  truncated: truncated
} AS value
