// The researchers among `$keys` whose kept figures, memberships or topics studied differ
// from those computed again.
UNWIND $keys AS key
MATCH (r:Researcher {key: key}) USING INDEX r:Researcher(key)
// include fragments/parts/kept_researcher_figures
// include fragments/parts/kept_memberships
// include fragments/parts/kept_studies
WITH r, figures, memberships, studies, COLLECT {
  MATCH (r)-[s:STUDIES]->(t)
  // one whose kept key is not its topic's reads as one of no topic
  RETURN {topic: CASE WHEN s.topic = t.key THEN t.key END, works: s.works} AS study
  ORDER BY t.key
} AS studied, COLLECT {
  MATCH (r)-[m:MEMBER_OF]->(i)
  // a membership whose kept key is not its institution's reads as one of no institution
  RETURN {
    institution: CASE WHEN m.institution = i.key THEN i.key END,
    works: m.works
  } AS membership ORDER BY i.key
} AS kept
UNWIND [
  ['citations', r.citations, figures.citations],
  ['hIndex', r.hIndex, figures.hIndex],
  ['i10Index', r.i10Index, figures.i10Index],
  ['worksCount', r.worksCount, figures.worksCount],
  ['followers', r.followers, figures.followers],
  ['memberships', kept, memberships],
  ['studies', studied, studies]
] AS check
WITH r, check WHERE check[1] IS NULL OR check[1] <> check[2]
RETURN r.key AS key, check[0] AS aggregate, check[1] AS kept, check[2] AS counted
