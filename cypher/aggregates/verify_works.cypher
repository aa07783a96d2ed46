// The works among `$keys` whose kept citations differ from those counted again.
UNWIND $keys AS key
MATCH (w:Work {key: key}) USING INDEX w:Work(key)
// include fragments/parts/kept_work_citations
WITH w, cited WHERE w.citations IS NULL OR w.citations <> cited
RETURN w.key AS key, 'citations' AS aggregate, w.citations AS kept, cited AS counted
