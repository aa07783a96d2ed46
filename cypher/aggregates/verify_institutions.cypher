// The institutions among `$keys` whose kept count of works or tallies differ from those
// counted again.
UNWIND $keys AS key
MATCH (o:Institution {key: key}) USING INDEX o:Institution(key)
// include fragments/parts/kept_tallies
WITH o, tallies, reduce(works = 0, tally IN tallies | works + tally.works) AS works
// include fragments/parts/differing_tallies
UNWIND [['worksCount', o.worksCount, works], ['tallies', kept, counted]] AS check
WITH o, check WHERE NOT coalesce(check[1] = check[2], false)
RETURN o.key AS key, check[0] AS aggregate, check[1] AS kept, check[2] AS counted
