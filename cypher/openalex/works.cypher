UNWIND $rows AS row
MERGE (w:Work {key: row.key})
SET w.type = row.type,
    w.title = row.title,
    w.abstract = row.abstract,
    w.year = row.year,
    w.publishedOn = row.publishedOn,
    w.venue = row.venue,
    w.doi = row.doi,
    w.arxivId = row.arxivId,
    w.openAccess = row.openAccess,
    w.citedByCount = row.citedByCount,
    w.unidentifiedAuthorPositions = row.unidentifiedAuthorPositions,
    w.unidentifiedAuthorNames = row.unidentifiedAuthorNames,
    w.openalexId = row.openalexId,
    w.openalexUpdated = row.updated
