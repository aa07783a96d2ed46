// The researchers that already hold each id: by key, by an alias, or by the ORCID given
// with it; each with the accounts whose claims on it were approved. `retired`: an id
// OpenAlex merged into another.
UNWIND $rows AS row
RETURN row.id AS id,
       EXISTS { (:Alias {key: row.id, retired: true}) } AS retired,
       COLLECT {
  CALL (row) {
    MATCH (r:Researcher {key: row.id})
    RETURN r
    UNION
    MATCH (:Alias {key: row.id})-[:ALIAS_OF]->(r:Researcher)
    RETURN r
    UNION
    MATCH (r:Researcher {orcid: row.orcid})
    RETURN r
  }
  RETURN {
    key: r.key,
    claimants: COLLECT { MATCH (u:User)-[:CLAIMED {status: 'APPROVED'}]->(r) RETURN u.key }
  } AS holder
} AS holders
