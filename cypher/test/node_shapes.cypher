// Each node of the walked kinds with its shape: the properties it has and the kinds of
// links it makes and receives (tests/test_every_field.py walks one node per shape).
MATCH (n)
WHERE n:Researcher OR n:Work OR n:Topic OR n:Institution
RETURN [label IN labels(n) WHERE label IN ['Researcher', 'Work', 'Topic', 'Institution']][0]
         AS kind,
       n.key AS key,
       keys(n) AS properties,
       COLLECT { MATCH (n)-[r]->() RETURN DISTINCT 'out ' + type(r) }
         + COLLECT { MATCH (n)<-[r]-() RETURN DISTINCT 'in ' + type(r) } AS links
