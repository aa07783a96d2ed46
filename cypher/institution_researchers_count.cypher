UNWIND $keys AS key
MATCH (i:Institution {key: key})
RETURN key, COUNT {
  MATCH (i)<-[a:AFFILIATION]-(:Work)<-[:AUTHORED]-(r:Researcher)
  WHERE r.key = a.researcher
  RETURN DISTINCT r
} AS count
