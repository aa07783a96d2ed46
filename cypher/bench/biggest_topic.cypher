MATCH (t:Topic {level: 'topic'})
WITH t, COUNT { (t)<-[:ABOUT]-() } AS works
ORDER BY works DESC, t.key
LIMIT 1
RETURN t.key AS key, works
