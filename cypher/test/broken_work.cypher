MERGE (w:Work {key: 'test:broken'})
SET w.title = 'A work whose type no client knows', w.type = 'not-a-work-type'
