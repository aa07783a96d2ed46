// Co-authors with the strength of each collaboration, strongest first (docs/metrics.md).
// Only the most recent works are scanned, and hyper-authored papers skipped, so a hub
// costs what an ordinary researcher costs.
MATCH (this)-[:AUTHORED]->(w:Work)
WITH this, w ORDER BY w.year DESC, w.key LIMIT $worksScanned
WITH this, w, COUNT { (w)<-[:AUTHORED]-() } AS team
WHERE 1 < team <= $maxTeam
MATCH (w)<-[:AUTHORED]-(c:Researcher)
WHERE c <> this
WITH c, w, 0.5 ^ ((toFloat($year) - coalesce(w.year, $year)) / $halfLife) / (team - 1) AS share
ORDER BY w.year DESC, w.key
WITH c,
     count(w) AS sharedWorks,
     sum(share) AS strength,
     min(w.year) AS firstYear,
     max(w.year) AS lastYear,
     collect(w)[..$worksPerCollaborator] AS works
ORDER BY strength DESC, sharedWorks DESC, c.key
LIMIT $limit
WITH c AS researcher, sharedWorks, strength, firstYear, lastYear,
     strength >= $closeStrength AS close, works
