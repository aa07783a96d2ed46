MATCH (w:Work {key: 'test:broken'})
DETACH DELETE w
