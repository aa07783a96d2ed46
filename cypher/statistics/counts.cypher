// The nodes and relationships of each kind, from the counts store.
RETURN COUNT { (:Work) } AS `nodes.Work`,
       COUNT { (:Researcher) } AS `nodes.Researcher`,
       COUNT { (:Topic) } AS `nodes.Topic`,
       COUNT { (:Institution) } AS `nodes.Institution`,
       COUNT { ()-[:AUTHORED]->() } AS `relationships.AUTHORED`,
       COUNT { ()-[:ABOUT]->() } AS `relationships.ABOUT`,
       COUNT { ()-[:AFFILIATION]->() } AS `relationships.AFFILIATION`,
       COUNT { ()-[:AFFILIATED_WITH]->() } AS `relationships.AFFILIATED_WITH`,
       COUNT { ()-[:MEMBER_OF]->() } AS `relationships.MEMBER_OF`,
       COUNT { ()-[:STUDIES]->() } AS `relationships.STUDIES`
