UNWIND $rows AS row
MERGE (w:Work {key: row.key})
// An OpenAlex record of the work stands over the seed's (docs/identity.md).
WITH w, row
WHERE w.openalexUpdated IS NULL
SET w.type = row.type,
    w.title = row.title,
    w.abstract = row.abstract,
    w.year = row.year,
    w.publishedOn = date(row.publishedOn),
    w.venue = row.venue,
    w.doi = row.doi,
    w.arxivId = row.arxivId,
    w.openAccess = row.openAccess,
    w.citedByCount = row.citedByCount
