// Keeps the count of works of the institutions `$keys`.
UNWIND $keys AS key
MATCH (i:Institution {key: key}) USING INDEX i:Institution(key)
// include fragments/parts/kept_institution_works
SET i.worksCount = works
