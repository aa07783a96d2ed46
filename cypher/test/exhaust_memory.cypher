// A list far past the managed server's transaction memory (70 % of its heap).
UNWIND range(1, $count) AS x
WITH collect(x) AS xs
RETURN size(xs) AS size
