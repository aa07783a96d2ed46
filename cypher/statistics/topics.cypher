// Of topics, the most that any one has of each pattern (core/work.py): degrees (the kept
// STUDIES: its researchers), and the authors of a topic's works summed from theirs.
MATCH (t:Topic)
CALL (t) {
  MATCH (t)<-[:ABOUT]-(w:Work)
  RETURN sum(COUNT { (w)<-[:AUTHORED]-() }) AS authorships
}
RETURN max(COUNT { (t)<-[:ABOUT]-() }) AS `topic.works`,
       max(authorships) AS `topic.authorships`,
       max(COUNT { (t)<-[:SUBTOPIC_OF]-() }) AS `topic.subtopics`,
       max(COUNT { (t)<-[:STUDIES]-() }) AS `topic.researchers`
