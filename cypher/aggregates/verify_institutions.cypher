// The institutions among `$keys` whose kept count of works differs from the one counted again.
UNWIND $keys AS key
MATCH (i:Institution {key: key}) USING INDEX i:Institution(key)
// include fragments/parts/kept_institution_works
WITH i, works WHERE i.worksCount IS NULL OR i.worksCount <> works
RETURN i.key AS key, 'worksCount' AS aggregate, i.worksCount AS kept, works AS counted
