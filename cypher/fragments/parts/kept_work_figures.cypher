// `cited`: the citations of work `w` (docs/metrics.md), the larger of OpenAlex's
// citedByCount, which also counts citing works the graph does not hold, and the works in
// the graph that cite it; `topical`: whether it has a topic.
WITH *, COUNT { (w)<-[:CITES]-() } AS held, EXISTS { (w)-[:ABOUT]->() } AS topical
WITH *, CASE WHEN coalesce(w.citedByCount, 0) > held THEN w.citedByCount ELSE held END AS cited
