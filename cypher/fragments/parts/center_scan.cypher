// The center's relationships to rank, `r` to `m`: the first `scan` of each type, taken
// in turns (one of each type, then a second of each...) until `scan` are taken. A node
// dense in one type (an institution's 165,306 paper affiliations) still shows its others, and
// each type's scan reads its own relationship group, so a hub costs what a leaf costs.
CALL (c) {
  MATCH (c)-[r:AUTHORED]-(m) WITH r, m LIMIT $scan RETURN collect({r: r, m: m}) AS found
  UNION ALL
  MATCH (c)-[r:ABOUT]-(m) WITH r, m LIMIT $scan RETURN collect({r: r, m: m}) AS found
  UNION ALL
  MATCH (c)-[r:AFFILIATION]-(m) WITH r, m LIMIT $scan RETURN collect({r: r, m: m}) AS found
  UNION ALL
  MATCH (c)-[r:AFFILIATED_WITH]-(m) WITH r, m LIMIT $scan RETURN collect({r: r, m: m}) AS found
  UNION ALL
  MATCH (c)-[r:SUBTOPIC_OF]-(m) WITH r, m LIMIT $scan RETURN collect({r: r, m: m}) AS found
  UNION ALL
  MATCH (c)-[r:CITES]-(m) WITH r, m LIMIT $scan RETURN collect({r: r, m: m}) AS found
}
// Streamed in turn order, not sorted: a sort would hold every row with the lists behind it
// (Neo4j counts hundreds of MiB against the transaction's memory for an institution page).
WITH c, collect(found) AS lists
UNWIND range(0, reduce(longest = 0, list IN lists |
  CASE WHEN size(list) > longest THEN size(list) ELSE longest END) - 1) AS turn
UNWIND [list IN lists WHERE turn < size(list) | list[turn]] AS pair
WITH c, pair LIMIT $scan
WITH c, pair.r AS r, pair.m AS m
