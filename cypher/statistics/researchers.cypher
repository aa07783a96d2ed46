// Of researchers, the most that any one has of each pattern (core/work.py), read from
// degrees, and the most citations kept on any one.
MATCH (r:Researcher)
RETURN max(COUNT { (r)-[:AUTHORED]->() }) AS `researcher.works`,
       max(COUNT { (r)-[:AFFILIATED_WITH]->() }) AS `researcher.affiliations`,
       max(COUNT { (r)-[:MEMBER_OF]->() }) AS `researcher.memberships`,
       max(COUNT { (r)-[:STUDIES]->() }) AS `researcher.studies`,
       max(COUNT { (r)<-[:TO]-() }) AS `researcher.invitations`,
       max(r.citations) AS `researcher.keptCitations`
