// The graph's figures that bound the work of a request (core/work.py): for each pattern the
// work of a field follows, the most that any one node has of it, and the nodes and
// relationships of each kind from the counts store. One pass per kind; a degree is read from
// the node, not walked, and a two-hop figure sums the degrees of the nodes one hop away.
// Over a researcher's works, their authors, citing works and topics: summed for the most
// prolific researchers only, since summing them for all would walk every authorship. Any
// other has at most as many works as the first one left out, each with at most the most of
// each that any work has (`busiestWorksLeftOut`, multiplied out below).
CALL () {
  MATCH (r:Researcher)
  WITH r, COUNT { (r)-[:AUTHORED]->() } AS works
  ORDER BY works DESC
  LIMIT 1001
  WITH collect(r) AS busiest, collect(works) AS counts
  UNWIND busiest[..1000] AS r
  CALL (r) {
    MATCH (r)-[:AUTHORED]->(w:Work)
    RETURN sum(COUNT { (w)<-[:AUTHORED]-() }) AS authorships,
           sum(COUNT { (w)<-[:CITES]-() }) AS citedBy,
           sum(COUNT { (w)-[:ABOUT]->() }) AS topics
  }
  RETURN max(authorships) AS busiestAuthorships,
         max(citedBy) AS busiestCitedBy,
         max(topics) AS busiestTopics,
         coalesce(counts[1000], 0) AS busiestWorksLeftOut
}
CALL () {
  MATCH (r:Researcher)
  RETURN max(COUNT { (r)-[:AUTHORED]->() }) AS researcherWorks,
         max(COUNT { (r)-[:AFFILIATED_WITH]->() }) AS researcherAffiliations,
         max(COUNT { (r)-[:MEMBER_OF]->() }) AS researcherMemberships,
         max(COUNT { (r)<-[:FOLLOWS]-() }) AS researcherFollowers,
         max(COUNT { (r)<-[:TO]-() }) AS researcherInvitations
}
CALL () {
  MATCH (w:Work)
  RETURN max(COUNT { (w)<-[:AUTHORED]-() }) AS workAuthors,
         max(COUNT { (w)-[:ABOUT]->() }) AS workTopics,
         max(COUNT { (w)-[:AFFILIATION]->() }) AS workAffiliations,
         max(COUNT { (w)-[:CITES]->() }) AS workReferences,
         max(COUNT { (w)<-[:CITES]-() }) AS workCitedBy
}
CALL () {
  MATCH (t:Topic)
  CALL (t) {
    MATCH (t)<-[:ABOUT]-(w:Work)
    RETURN sum(COUNT { (w)<-[:AUTHORED]-() }) AS authorships
  }
  RETURN max(COUNT { (t)<-[:ABOUT]-() }) AS topicWorks,
         max(authorships) AS topicAuthorships,
         max(COUNT { (t)<-[:SUBTOPIC_OF]-() }) AS topicSubtopics
}
CALL () {
  MATCH (i:Institution)
  CALL (i) {
    MATCH (i)<-[:AFFILIATION]-(w:Work)
    RETURN sum(COUNT { (w)<-[:AUTHORED]-() }) AS authorships
  }
  RETURN max(COUNT { (i)<-[:AFFILIATION]-() }) AS institutionAffiliations,
         max(authorships) AS institutionAuthorships,
         max(COUNT { (i)<-[:MEMBER_OF]-() }) AS institutionMembers
}
CALL () {
  MATCH (u:User)
  RETURN max(COUNT { (u)-[:FOLLOWS]->() }) AS userFollows,
         max(COUNT { (u)-[:CLAIMED]->() }) AS userClaims,
         max(COUNT { (u)-[:SENT]->() }) AS userInvitations
}
RETURN researcherWorks AS `researcher.works`,
       CASE WHEN busiestAuthorships >= busiestWorksLeftOut * workAuthors THEN busiestAuthorships ELSE busiestWorksLeftOut * workAuthors END AS `researcher.authorships`,
       CASE WHEN busiestCitedBy >= busiestWorksLeftOut * workCitedBy THEN busiestCitedBy ELSE busiestWorksLeftOut * workCitedBy END AS `researcher.citedBy`,
       CASE WHEN busiestTopics >= busiestWorksLeftOut * workTopics THEN busiestTopics ELSE busiestWorksLeftOut * workTopics END AS `researcher.topics`,
       researcherAffiliations AS `researcher.affiliations`,
       researcherFollowers AS `researcher.followers`,
       researcherMemberships AS `researcher.memberships`,
       workAuthors AS `work.authors`,
       workTopics AS `work.topics`,
       workAffiliations AS `work.affiliations`,
       workReferences AS `work.references`,
       workCitedBy AS `work.citedBy`,
       topicWorks AS `topic.works`,
       topicAuthorships AS `topic.authorships`,
       topicSubtopics AS `topic.subtopics`,
       institutionAffiliations AS `institution.affiliations`,
       institutionAuthorships AS `institution.authorships`,
       institutionMembers AS `institution.members`,
       userFollows AS `user.follows`,
       userClaims AS `user.claims`,
       userInvitations AS `user.invitations`,
       researcherInvitations AS `researcher.invitations`,
       COUNT { ()-[:CLAIMED]->() } AS claims,
       COUNT { (:Work) } AS `nodes.Work`,
       COUNT { (:Researcher) } AS `nodes.Researcher`,
       COUNT { (:Topic) } AS `nodes.Topic`,
       COUNT { (:Institution) } AS `nodes.Institution`,
       COUNT { ()-[:AUTHORED]->() } AS `relationships.AUTHORED`,
       COUNT { ()-[:ABOUT]->() } AS `relationships.ABOUT`,
       COUNT { ()-[:AFFILIATION]->() } AS `relationships.AFFILIATION`,
       COUNT { ()-[:AFFILIATED_WITH]->() } AS `relationships.AFFILIATED_WITH`,
       COUNT { ()-[:MEMBER_OF]->() } AS `relationships.MEMBER_OF`
