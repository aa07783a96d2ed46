UNWIND $rows AS row
CREATE (:Institution {key: row.key, name: row.name, ror: row.ror, country: row.country, type: row.type})
