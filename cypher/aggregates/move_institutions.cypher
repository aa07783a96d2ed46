// Moves the kept count of works of each institution `row.key` by `row.by`: the works a
// write made name it less those it made cease to (resolvers/aggregates.py).
UNWIND $rows AS row
MATCH (i:Institution {key: row.key}) USING INDEX i:Institution(key)
SET i.worksCount = coalesce(i.worksCount, 0) + row.by
