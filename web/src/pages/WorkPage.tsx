import { ApiError, type GraphQLDocument } from "../api";
import WorkCitedByDocument from "../graphql/WorkCitedBy.graphql";
import WorkPageDocument from "../graphql/WorkPage.graphql";
import WorkReferencesDocument from "../graphql/WorkReferences.graphql";
import { BarChart } from "../components/Charts";
import { Cite } from "../components/Cite";
import { Link } from "../components/Link";
import { Paged, type Connection } from "../components/Paged";
import { WorkList, workType, type WorkItem } from "../components/WorkList";
import { GraphView } from "../graph/GraphView";
import type { Slice } from "../graph/model";
import { pathOf } from "../router";
import { send, useQuery } from "../useQuery";
import { Loaded, NotFound, percent, useTitle } from "./common";
import "./WorkPage.css";

interface Place {
  id: string;
  name: string;
  country: string | null;
}

// The page asks for more authors than a list item (100), with their institutions.
interface Work extends Omit<WorkItem, "authors"> {
  abstract: string | null;
  publishedOn: string | null;
  authors: (WorkItem["authors"][number] & { institutions: Place[] })[];
  topics: { score: number; topic: { id: string; name: string; level: string } }[];
  institutions: Place[];
  references: Connection<WorkItem>;
  citedBy: Connection<WorkItem>;
  graph: Slice;
}

export function WorkPage({ id }: { id: string }) {
  const [state] = useQuery<{ work: Work | null }>(WorkPageDocument, { id });
  const title = state.status === "done" ? state.data.work?.title : undefined;
  useTitle(title, "Work");
  return (
    <Loaded state={state} what="the work">
      {({ work }) => (work === null ? <NotFound what="work" /> : <WorkRecord work={work} />)}
    </Loaded>
  );
}

function WorkRecord({ work }: { work: Work }) {
  return (
    <article className="record">
      <header className="record-head">
        <p className="kind-tag">Work</p>
        <h1>{work.title}</h1>
        <p className="chips">
          <span className="pill">{workType(work.type)}</span>
          {work.year !== null && <span className="pill">{work.year}</span>}
          {work.venue !== null && <span className="pill">{work.venue}</span>}
          {work.openAccess !== null && <span className="pill">{work.openAccess ? "Open access" : "Closed access"}</span>}
          {work.citedByCount !== null && (
            <span className="pill">
              {work.citedByCount} citation{work.citedByCount === 1 ? "" : "s"}
            </span>
          )}
        </p>
        <p className="work-actions">
          <Cite workId={work.id} fileName={citationFileName(work)} />
          {work.doi !== null && (
            <a className="pill" href={`https://doi.org/${work.doi}`} rel="noopener noreferrer">
              DOI {work.doi}
            </a>
          )}
          {work.arxivId !== null && (
            <>
              <a className="pill" href={`https://arxiv.org/abs/${work.arxivId}`} rel="noopener noreferrer">
                arXiv:{work.arxivId}
              </a>
              {/* arXiv serves every paper it holds free to read */}
              <a className="pill open" href={`https://arxiv.org/pdf/${work.arxivId}`} rel="noopener noreferrer">
                Free PDF on arXiv
              </a>
            </>
          )}
        </p>
      </header>
      <Authors authors={work.authors} />
      {work.abstract !== null && (
        <section className="card work-abstract" aria-labelledby="abstract-title">
          <h2 id="abstract-title">Abstract</h2>
          <p data-testid="abstract">{work.abstract}</p>
        </section>
      )}
      {(work.topics.length > 0 || work.institutions.length > 0) && (
        <div className="columns">
          {work.topics.length > 0 && (
            <section className="card" aria-labelledby="topics-title">
              <h2 id="topics-title">Topics</h2>
              <BarChart
                caption="How strongly the work is about each topic"
                bars={work.topics.map((t) => ({
                  key: t.topic.id,
                  label: <Link to={pathOf("TOPIC", t.topic.id)}>{t.topic.name}</Link>,
                  value: t.score,
                  text: percent(t.score),
                }))}
              />
            </section>
          )}
          {work.institutions.length > 0 && (
            <section className="card" aria-labelledby="institutions-title">
              <h2 id="institutions-title">Institutions</h2>
              <ul className="people">
                {work.institutions.map((place) => (
                  <li key={place.id}>
                    <Link to={pathOf("INSTITUTION", place.id)}>{place.name}</Link>
                    {place.country !== null && <span className="muted"> {place.country}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
      <GraphView slice={work.graph} title="Research map" />
      <Citations work={work} />
    </article>
  );
}

function Authors({ authors }: { authors: Work["authors"] }) {
  return (
    <section className="card" aria-labelledby="authors-title">
      <h2 id="authors-title">Authors</h2>
      <ol className="authors" aria-label="Authors in byline order">
        {[...authors]
          .sort((a, b) => a.position - b.position)
          .map((author) => (
            <li key={author.position} data-testid="author">
              {author.researcher === null ? (
                author.name
              ) : (
                <Link to={pathOf("RESEARCHER", author.researcher.id)}>{author.researcher.name}</Link>
              )}
              {author.institutions.length > 0 && (
                <span className="affiliations">
                  {" — "}
                  {author.institutions.map((place, index) => (
                    <span key={place.id}>
                      {index > 0 && "; "}
                      <Link to={pathOf("INSTITUTION", place.id)}>{place.name}</Link>
                    </span>
                  ))}
                </span>
              )}
            </li>
          ))}
      </ol>
    </section>
  );
}

/** References and citing works the graph holds, each paged to its end; a list the graph
 * holds nothing of is one quiet line, not an empty panel. */
function Citations({ work }: { work: Work }) {
  const none = [
    work.references.totalCount === 0 && "references of this work",
    work.citedBy.totalCount === 0 && "works citing it",
  ].filter((what) => what !== false);
  return (
    <>
      {work.references.totalCount > 0 && (
        <CitationList work={work} title="References" noun="reference" document={WorkReferencesDocument} first={work.references} />
      )}
      {work.citedBy.totalCount > 0 && (
        <CitationList work={work} title="Cited by" noun="citing work" document={WorkCitedByDocument} first={work.citedBy} />
      )}
      {none.length > 0 && <p className="muted">The graph holds no {none.join(" and no ")}.</p>}
    </>
  );
}

function CitationList({
  work,
  title,
  noun,
  document,
  first,
}: {
  work: Work;
  title: string;
  noun: string;
  document: GraphQLDocument;
  first: Connection<WorkItem>;
}) {
  const section = `${noun.replace(/\W+/g, "-")}s`;
  const nextPage = async (after: string | null) => {
    const data = await send<{ work: { list: Connection<WorkItem> } | null }>(document, { id: work.id, after });
    if (data.work === null) {
      throw new ApiError("the work is no longer in the graph", "NOT_FOUND", null);
    }
    return data.work.list;
  };
  return (
    <section aria-labelledby={`${section}-title`} data-testid={section}>
      <h2 id={`${section}-title`}>
        {title} ({first.totalCount} in the graph)
      </h2>
      <Paged key={work.id} first={first} load={nextPage} noun={noun}>
        {(works) => <WorkList works={works} />}
      </Paged>
    </section>
  );
}

/** The name a downloaded citation gets: the first author's family name and the year, as
 * reference managers name their keys. */
function citationFileName(work: Work): string {
  const first = work.authors.find((author) => author.position === 1);
  const family = (first?.researcher?.name ?? first?.name ?? "").split(/\s+/).pop() ?? "";
  const plain = family.normalize("NFKD").replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  return `${plain || "citation"}${work.year ?? ""}`;
}
