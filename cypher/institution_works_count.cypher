UNWIND $keys AS key
MATCH (i:Institution {key: key})
RETURN key, COUNT { MATCH (i)<-[:AFFILIATION]-(w:Work) RETURN DISTINCT w } AS count
