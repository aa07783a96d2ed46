UNWIND $rows AS row
MERGE (i:Institution {key: row.key})
ON CREATE SET i.name = row.name, i.ror = row.ror, i.country = row.country, i.type = row.type
