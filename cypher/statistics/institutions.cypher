// Of institutions, the most that any one has of each pattern (core/work.py): degrees, and
// the authors of the works affiliated there summed from theirs.
MATCH (i:Institution)
CALL (i) {
  MATCH (i)<-[:AFFILIATION]-(w:Work)
  RETURN sum(COUNT { (w)<-[:AUTHORED]-() }) AS authorships
}
RETURN max(COUNT { (i)<-[:AFFILIATION]-() }) AS `institution.affiliations`,
       max(authorships) AS `institution.authorships`,
       max(COUNT { (i)<-[:MEMBER_OF]-() }) AS `institution.members`
