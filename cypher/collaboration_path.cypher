MATCH (a:Researcher {key: $from}), (b:Researcher {key: $to})
MATCH p = shortestPath((a)-[:AUTHORED*..12]-(b))
WITH p WHERE length(p) <= 2 * $maxHops
RETURN [n IN nodes(p) | n {.*}] AS chain
