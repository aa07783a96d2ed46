// Keeps the tallies by year and open access of the works of the topics `$keys`, counted again.
UNWIND $keys AS key
MATCH (o:Topic {key: key}) USING INDEX o:Topic(key)
// include fragments/parts/kept_tallies
// include fragments/parts/replace_tallies
