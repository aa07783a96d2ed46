// Researchers stored before every write path set the defaults take them; stored values stay.
MATCH (r:Researcher)
WHERE any(name IN keys($defaults.Researcher) WHERE r[name] IS NULL)
WITH r, properties(r) AS stored
SET r += $defaults.Researcher
SET r += stored
