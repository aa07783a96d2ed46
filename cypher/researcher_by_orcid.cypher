MATCH (n:Researcher {orcid: $orcid})
RETURN n {.*} AS item
ORDER BY n.key
LIMIT 1
