import { pathOf } from "../router";
import { plural } from "../text";
import { Link } from "./Link";

export interface WorkItem {
  id: string;
  type: string;
  year: number | null;
  venue: string | null;
  title: string;
  doi: string | null;
  arxivId: string | null;
  openAccess: boolean | null;
  citedByCount: number | null;
  authors: { position: number; name: string; researcher: { id: string; name: string } | null }[];
}

export function workType(type: string): string {
  return type.toLowerCase().replace(/_/g, " ");
}

/** Type, year, venue, title, the byline in order (linked where the author is known), and
 * the DOI and arXiv links. */
export function WorkList({ works, empty = "No works." }: { works: WorkItem[]; empty?: string }) {
  if (works.length === 0) {
    return <p className="muted">{empty}</p>;
  }
  return (
    <ol className="works">
      {works.map((work) => (
        <li key={work.id} className="work" data-testid="work">
          <p className="work-meta">
            <span className="tag">{workType(work.type)}</span>
            {work.year !== null && <span className="year">{work.year}</span>}
            {work.venue !== null && <span>{work.venue}</span>}
            {work.openAccess && <span className="tag open">open access</span>}
            {work.citedByCount !== null && <span className="cited">{plural(work.citedByCount, "citation")}</span>}
          </p>
          <h3 className="work-title">
            <Link to={pathOf("WORK", work.id)}>{work.title}</Link>
          </h3>
          <ol className="byline" aria-label="Authors in byline order">
            {[...work.authors]
              .sort((a, b) => a.position - b.position)
              .map((author) => (
                <li key={author.position}>
                  {author.researcher === null ? (
                    author.name
                  ) : (
                    <Link to={pathOf("RESEARCHER", author.researcher.id)}>{author.researcher.name}</Link>
                  )}
                </li>
              ))}
          </ol>
          <p className="work-links">
            {work.doi !== null && (
              <a href={`https://doi.org/${work.doi}`} rel="noopener noreferrer">
                DOI {work.doi}
              </a>
            )}
            {work.arxivId !== null && (
              <a href={`https://arxiv.org/abs/${work.arxivId}`} rel="noopener noreferrer">
                arXiv:{work.arxivId}
              </a>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
