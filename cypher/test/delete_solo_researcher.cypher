MATCH (n)
WHERE n.key IN ['test:solo', 'test:solo-work']
DETACH DELETE n
