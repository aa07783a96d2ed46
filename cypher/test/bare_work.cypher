MERGE (w:Work {key: 'test:bare'})
SET w.title = 'A bare record: a title and nothing else'
