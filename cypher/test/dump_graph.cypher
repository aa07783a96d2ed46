// The research graph as plain rows, for tests that recompute lists in Python.
RETURN
  COLLECT { MATCH (w:Work)
            RETURN w {.key, .year, .type, .venue, .openAccess, .title, .citedByCount, .publishedOn} }
    AS works,
  COLLECT { MATCH (r:Researcher) RETURN r {.key, .name, .orcid, .openToCollaborate} } AS researchers,
  COLLECT { MATCH (t:Topic)
            RETURN t {.key, .name, .level, parents: COLLECT { MATCH (t)-[:SUBTOPIC_OF]->(p:Topic)
                                                          RETURN p.key }} }
    AS topics,
  COLLECT { MATCH (i:Institution) RETURN i {.key, .name, .country} } AS institutions,
  COLLECT { MATCH (r:Researcher)-[:AUTHORED]->(w:Work) RETURN [r.key, w.key] } AS authored,
  COLLECT { MATCH (w:Work)-[:ABOUT]->(t:Topic) RETURN [w.key, t.key] } AS about,
  COLLECT { MATCH (w:Work)-[a:AFFILIATION]->(i:Institution) RETURN [w.key, i.key, a.researcher] }
    AS affiliations,
  COLLECT { MATCH (r:Researcher)-[:AFFILIATED_WITH]->(i:Institution) RETURN [r.key, i.key] }
    AS profiles,
  COLLECT { MATCH (a:Work)-[:CITES]->(b:Work) RETURN [a.key, b.key] } AS cites,
  COLLECT { MATCH (u:User)-[:FOLLOWS]->(r:Researcher)
            RETURN [r.key, EXISTS { (u)-[:CLAIMED {status: 'APPROVED'}]->(r) }] }
    AS follows,
  COLLECT { MATCH (r:Researcher)-[a:AFFILIATED_WITH]->(i:Institution) WHERE a.until IS NULL
            RETURN [r.key, i.key] }
    AS current_profiles
