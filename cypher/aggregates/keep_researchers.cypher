// Keeps the citation figures and the memberships (a MEMBER_OF with its `works`) of the
// researchers `$keys`.
UNWIND $keys AS key
MATCH (r:Researcher {key: key}) USING INDEX r:Researcher(key)
// include fragments/parts/kept_researcher_figures
SET r += figures
WITH r
// include fragments/parts/kept_memberships
CALL (r, memberships) {
  MATCH (r)-[m:MEMBER_OF]->(i:Institution)
  WHERE NOT i.key IN [membership IN memberships | membership.institution]
  DELETE m
}
CALL (r, memberships) {
  UNWIND memberships AS membership
  MATCH (i:Institution {key: membership.institution}) USING INDEX i:Institution(key)
  MERGE (r)-[m:MEMBER_OF]->(i)
  SET m.works = membership.works
}
