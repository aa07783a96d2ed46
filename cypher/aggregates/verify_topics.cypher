// The topics among `$keys` whose kept tallies differ from those counted again.
UNWIND $keys AS key
MATCH (o:Topic {key: key}) USING INDEX o:Topic(key)
// include fragments/parts/kept_tallies
// include fragments/parts/differing_tallies
WITH o, kept, counted WHERE NOT coalesce(kept = counted, false)
RETURN o.key AS key, 'tallies' AS aggregate, kept, counted
