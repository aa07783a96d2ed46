// Keeps the figures, the memberships (a MEMBER_OF with its `works`) and the topics studied
// (a STUDIES with its `works`) of the researchers `$keys`.
// The nodes a relationship leads to carry no label (each type leads to one label): a
// label would let a plan made while the graph was empty scan it for every row instead of
// expanding from the node at hand, and a write keeps its plans as the graph grows.
UNWIND $keys AS key
MATCH (r:Researcher {key: key}) USING INDEX r:Researcher(key)
// include fragments/parts/kept_researcher_figures
SET r += figures
WITH r
// include fragments/parts/kept_memberships
// include fragments/parts/kept_studies
CALL (r, memberships) {
  MATCH (r)-[m:MEMBER_OF]->(i)
  WHERE NOT i.key IN [membership IN memberships | membership.institution]
  DELETE m
}
CALL (r, memberships) {
  UNWIND memberships AS membership
  MATCH (i:Institution {key: membership.institution}) USING INDEX i:Institution(key)
  MERGE (r)-[m:MEMBER_OF]->(i)
  SET m.works = membership.works, m.institution = membership.institution
}
CALL (r, studies) {
  MATCH (r)-[s:STUDIES]->(t)
  WHERE NOT t.key IN [study IN studies | study.topic]
  DELETE s
}
CALL (r, studies) {
  UNWIND studies AS study
  MATCH (t:Topic {key: study.topic}) USING INDEX t:Topic(key)
  MERGE (r)-[s:STUDIES]->(t)
  SET s.works = study.works, s.topic = study.topic
}
