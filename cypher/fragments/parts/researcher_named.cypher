// `r`: the researcher `$researcher` names, by key or by an alias (docs/identity.md).
CALL () {
  OPTIONAL MATCH (own:Researcher {key: $researcher})
  OPTIONAL MATCH (:Alias {key: $researcher})-[:ALIAS_OF]->(aliased:Researcher)
  RETURN coalesce(own, aliased) AS r
}
