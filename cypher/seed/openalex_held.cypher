// The seed works whose node holds an OpenAlex record: the record's fields and links stand.
UNWIND $keys AS key
MATCH (w:Work {key: key})
WHERE w.openalexUpdated IS NOT NULL
RETURN key
