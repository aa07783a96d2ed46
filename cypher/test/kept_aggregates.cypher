// Every researcher's kept figures, memberships and topics studied, for a test's own model
// to check.
MATCH (r:Researcher)
RETURN r.key AS key, r.citations AS citations, r.hIndex AS hIndex, r.i10Index AS i10Index,
       COLLECT {
         MATCH (r)-[m:MEMBER_OF]->(i:Institution) RETURN [i.key, m.works]
       } AS memberships,
       COLLECT {
         MATCH (r)-[s:STUDIES]->(t:Topic) RETURN [t.key, s.works]
       } AS studies
