// Keeps the citations of the works `$keys`. Returns the authors of those whose figure moved:
// their own figures follow from it.
UNWIND $keys AS key
MATCH (w:Work {key: key}) USING INDEX w:Work(key)
WITH w, w.citations AS kept
// include fragments/parts/kept_work_citations
SET w.citations = cited
WITH w WHERE kept IS NULL OR kept <> cited
MATCH (w)<-[:AUTHORED]-(r:Researcher)
RETURN collect(DISTINCT r.key) AS researchers
