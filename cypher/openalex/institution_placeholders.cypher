UNWIND $rows AS row
MERGE (i:Institution {key: row.key})
WITH i, row
WHERE i.openalexUpdated IS NULL AND coalesce(i.mentionedIn, '') < row.mentionedIn
SET i.name = row.name,
    i.ror = row.ror,
    i.country = row.country,
    i.type = row.type,
    i.mentionedIn = row.mentionedIn
