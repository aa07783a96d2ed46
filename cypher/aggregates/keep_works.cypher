// Keeps the citations and the `topical` of the works `$keys`. Returns the authors of those
// whose citations moved: their own figures follow from them.
UNWIND $keys AS key
MATCH (w:Work {key: key}) USING INDEX w:Work(key)
WITH w, w.citations AS kept
// include fragments/parts/kept_work_figures
SET w.citations = cited, w.topical = topical
WITH w WHERE kept IS NULL OR kept <> cited
MATCH (w)<-[:AUTHORED]-(r)
RETURN collect(DISTINCT r.key) AS researchers
