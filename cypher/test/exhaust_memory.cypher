// A list far past one transaction's share of the managed server's transaction memory.
UNWIND range(1, $count) AS x
WITH collect(x) AS xs
RETURN size(xs) AS size
