MATCH (w:Work {key: 'test:bare'})
DETACH DELETE w
