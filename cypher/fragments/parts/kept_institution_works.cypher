// `works`: how many works name institution `i` for at least one of their authors.
WITH *, COUNT { MATCH (i)<-[:AFFILIATION]-(w) RETURN DISTINCT w } AS works
