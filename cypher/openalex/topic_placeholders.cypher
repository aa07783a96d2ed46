UNWIND $rows AS row
MERGE (t:Topic {key: row.key})
WITH t, row
WHERE t.openalexUpdated IS NULL AND coalesce(t.mentionedIn, '') < row.mentionedIn
SET t.name = row.name,
    t.level = row.level,
    t.mentionedIn = row.mentionedIn
