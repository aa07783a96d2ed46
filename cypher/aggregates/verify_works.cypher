// The works among `$keys` whose kept citations or `topical` differ from those counted again.
UNWIND $keys AS key
MATCH (w:Work {key: key}) USING INDEX w:Work(key)
// include fragments/parts/kept_work_figures
UNWIND [['citations', w.citations, cited], ['topical', w.topical, topical]] AS check
WITH w, check WHERE check[1] IS NULL OR check[1] <> check[2]
RETURN w.key AS key, check[0] AS aggregate, check[1] AS kept, check[2] AS counted
