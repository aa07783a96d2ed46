UNWIND $rows AS row
MERGE (t:Topic {key: row.key})
SET t.name = row.name,
    t.description = row.description,
    t.level = row.level,
    t.openalexUpdated = row.updated,
    t.mentionedIn = null
