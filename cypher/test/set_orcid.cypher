MATCH (r:Researcher {key: $key})
SET r.orcid = $orcid
