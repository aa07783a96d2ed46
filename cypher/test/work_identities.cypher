MATCH (w:Work)
RETURN w.key AS key, w.openalexId AS openalexId, w.doi AS doi, w.arxivId AS arxivId
