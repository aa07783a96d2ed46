UNWIND $rows AS row
MERGE (i:Institution {key: row.key})
SET i.name = row.name,
    i.ror = row.ror,
    i.country = row.country,
    i.type = row.type,
    i.openalexUpdated = row.updated,
    i.mentionedIn = null
