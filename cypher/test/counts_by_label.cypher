// How many researchers, works, topics and institutions the graph holds.
RETURN COUNT { (:Researcher) } AS researchers, COUNT { (:Work) } AS works,
       COUNT { (:Topic) } AS topics, COUNT { (:Institution) } AS institutions
