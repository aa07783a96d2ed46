UNWIND $rows AS row
CREATE (:Topic {key: row.key, name: row.name, description: row.description, level: row.level})
