// `value`: what a citation of work `this` names (core/citations.py): its kind, title, year,
// date, venue, DOI, arXiv id and its authors' names in byline order, those the source did
// not identify included.
WITH this, [(r:Researcher)-[a:AUTHORED]->(this) | {position: a.position, name: r.name}] + [
  i IN range(0, size(coalesce(this.unidentifiedAuthorPositions, [])) - 1) |
  {position: this.unidentifiedAuthorPositions[i], name: this.unidentifiedAuthorNames[i]}
] AS byline
WITH {
  key: this.key,
  type: this.type,
  title: this.title,
  year: this.year,
  publishedOn: toString(this.publishedOn),
  venue: this.venue,
  doi: this.doi,
  arxivId: this.arxivId,
  authors: COLLECT { UNWIND byline AS entry RETURN entry.name ORDER BY entry.position }
} AS value
