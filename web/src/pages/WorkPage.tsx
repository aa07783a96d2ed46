import { useEffect } from "react";
import WorkPageDocument from "../graphql/WorkPage.graphql";
import { BarChart } from "../components/Charts";
import { Link } from "../components/Link";
import { WorkList, workType, type WorkItem } from "../components/WorkList";
import { GraphView } from "../graph/GraphView";
import type { Slice } from "../graph/model";
import { pathOf } from "../router";
import { useQuery } from "../useQuery";
import { Loaded, NotFound, percent } from "./common";

interface Place {
  id: string;
  name: string;
  country: string | null;
}

// The page asks for more authors than a list item (50), with their institutions.
interface Work extends Omit<WorkItem, "authors"> {
  abstract: string | null;
  publishedOn: string | null;
  authors: (WorkItem["authors"][number] & { institutions: Place[] })[];
  topics: { score: number; topic: { id: string; name: string; level: string } }[];
  institutions: Place[];
  references: { totalCount: number; edges: { node: WorkItem }[] };
  citedBy: { totalCount: number; edges: { node: WorkItem }[] };
  graph: Slice;
}

export function WorkPage({ id }: { id: string }) {
  const [state] = useQuery<{ work: Work | null }>(WorkPageDocument, { id });
  const title = state.status === "done" ? state.data.work?.title : undefined;
  useEffect(() => {
    document.title = title === undefined ? "Work · peergraph" : `${title} · peergraph`;
  }, [title]);
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
          <span className="pill">{work.citedByCount === null ? "Citations not imported" : `${work.citedByCount} citations`}</span>
          <span className="pill">{work.authors.length} author{work.authors.length === 1 ? "" : "s"}</span>
          {work.doi !== null && (
            <a className="pill" href={`https://doi.org/${work.doi}`} rel="noopener noreferrer">
              DOI {work.doi}
            </a>
          )}
          {work.arxivId !== null && (
            <a className="pill" href={`https://arxiv.org/abs/${work.arxivId}`} rel="noopener noreferrer">
              arXiv:{work.arxivId}
            </a>
          )}
        </p>
      </header>
      <section className="card" aria-labelledby="authors-title">
        <h2 id="authors-title">Authors</h2>
        <ol className="authors">
          {work.authors.map((author) => (
            <li key={author.position}>
              {author.researcher === null ? (
                author.name
              ) : (
                <Link to={pathOf("RESEARCHER", author.researcher.id)}>{author.researcher.name}</Link>
              )}
              {author.institutions.length > 0 && (
                <span className="muted">
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
      {work.abstract !== null && (
        <section aria-labelledby="abstract-title">
          <h2 id="abstract-title">Abstract</h2>
          <p className="abstract">{work.abstract}</p>
        </section>
      )}
      <div className="columns">
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
        <section className="card" aria-labelledby="institutions-title">
          <h2 id="institutions-title">Institutions</h2>
          {work.institutions.length === 0 ? (
            <p className="muted">None named on the paper.</p>
          ) : (
            <ul className="people">
              {work.institutions.map((place) => (
                <li key={place.id}>
                  <Link to={pathOf("INSTITUTION", place.id)}>{place.name}</Link>
                  {place.country !== null && <span className="muted"> {place.country}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <GraphView slice={work.graph} title="Research map" />
      <section aria-labelledby="references-title">
        <h2 id="references-title">References ({work.references.totalCount} in the graph)</h2>
        <WorkList works={work.references.edges.map((edge) => edge.node)} empty="No references in the graph." />
      </section>
      <section aria-labelledby="cited-title">
        <h2 id="cited-title">Cited by ({work.citedBy.totalCount} in the graph)</h2>
        <WorkList works={work.citedBy.edges.map((edge) => edge.node)} empty="No citing works in the graph." />
      </section>
    </article>
  );
}
