// Keeps the count of works of the institutions `$keys` and their tallies by year and open
// access, counted again.
UNWIND $keys AS key
MATCH (o:Institution {key: key}) USING INDEX o:Institution(key)
// include fragments/parts/kept_tallies
SET o.worksCount = reduce(works = 0, tally IN tallies | works + tally.works)
WITH o, tallies
// include fragments/parts/replace_tallies
