UNWIND $rows AS row
MERGE (r:Researcher {key: row.key})
ON CREATE SET r.name = row.name, r.orcid = row.orcid
