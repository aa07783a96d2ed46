CALL () { MATCH (w:Work) RETURN count(w) AS works }
CALL () { MATCH (r:Researcher) RETURN count(r) AS researchers }
CALL () { MATCH ()-[a:AUTHORED]->() RETURN count(a) AS authorships }
RETURN works, researchers, authorships
