// Topic and institution pages: what they are, their people, topics, works by year,
// works and their neighbourhood.
import { useEffect, type ReactNode } from "react";
import InstitutionPageDocument from "../graphql/InstitutionPage.graphql";
import TopicPageDocument from "../graphql/TopicPage.graphql";
import { BarChart, YearChart } from "../components/Charts";
import { Link } from "../components/Link";
import { WorkList, type WorkItem } from "../components/WorkList";
import { GraphView } from "../graph/GraphView";
import type { Slice } from "../graph/model";
import { pathOf } from "../router";
import { useQuery } from "../useQuery";
import { Loaded, NotFound, percent } from "./common";

interface People {
  totalCount: number;
  edges: { node: { id: string; name: string; headline: string | null } }[];
}

interface Group {
  id: string;
  name: string;
  researchers: People;
  works: { totalCount: number; edges: { node: WorkItem }[] };
  worksByYear: { year: number; works: number }[];
  graph: Slice;
}

interface Topic extends Group {
  description: string | null;
  level: string;
  parent: { id: string; name: string; level: string } | null;
}

interface Institution extends Group {
  ror: string | null;
  country: string | null;
  type: string | null;
  domains: string[];
  topTopics: { works: number; researchers: number; share: number; topic: { id: string; name: string } }[];
}

function useTitle(name: string | undefined, kind: string): void {
  useEffect(() => {
    document.title = name === undefined ? `${kind} · peergraph` : `${name} · peergraph`;
  }, [name, kind]);
}

export function TopicPage({ id }: { id: string }) {
  const [state] = useQuery<{ topic: Topic | null }>(TopicPageDocument, { id });
  useTitle(state.status === "done" ? state.data.topic?.name : undefined, "Topic");
  return (
    <Loaded state={state} what="the topic">
      {({ topic }) =>
        topic === null ? (
          <NotFound what="topic" />
        ) : (
          <GroupRecord
            group={topic}
            kind={topic.level === "TOPIC" ? "Topic" : `Topic · ${topic.level.toLowerCase()}`}
            details={
              <>
                {topic.description !== null && <p className="headline">{topic.description}</p>}
                {topic.parent !== null && (
                  <p className="chips">
                    <span className="pill">
                      Part of <Link to={pathOf("TOPIC", topic.parent.id)}>{topic.parent.name}</Link> ({topic.parent.level.toLowerCase()})
                    </span>
                  </p>
                )}
              </>
            }
          />
        )
      }
    </Loaded>
  );
}

export function InstitutionPage({ id }: { id: string }) {
  const [state] = useQuery<{ institution: Institution | null }>(InstitutionPageDocument, { id });
  useTitle(state.status === "done" ? state.data.institution?.name : undefined, "Institution");
  return (
    <Loaded state={state} what="the institution">
      {({ institution: place }) =>
        place === null ? (
          <NotFound what="institution" />
        ) : (
          <GroupRecord
            group={place}
            kind="Institution"
            details={
              <p className="chips">
                {place.type !== null && <span className="pill">{place.type}</span>}
                {place.country !== null && <span className="pill">{place.country}</span>}
                {place.ror !== null && (
                  <a className="pill" href={`https://ror.org/${place.ror}`} rel="noopener noreferrer">
                    ROR {place.ror}
                  </a>
                )}
                {place.domains.map((domain) => (
                  <span className="pill" key={domain}>
                    {domain}
                  </span>
                ))}
              </p>
            }
            topics={
              <section className="card" aria-labelledby="topics-title">
                <h2 id="topics-title">Topics</h2>
                <BarChart
                  caption="Share of the topics of the works affiliated here"
                  bars={place.topTopics.map((t) => ({
                    key: t.topic.id,
                    label: <Link to={pathOf("TOPIC", t.topic.id)}>{t.topic.name}</Link>,
                    value: t.share,
                    text: `${percent(t.share)} · ${t.works} work${t.works === 1 ? "" : "s"}`,
                  }))}
                />
              </section>
            }
          />
        )
      }
    </Loaded>
  );
}

function GroupRecord({ group, kind, details, topics }: { group: Group; kind: string; details: ReactNode; topics?: ReactNode }) {
  return (
    <article className="record">
      <header className="record-head">
        <p className="kind-tag">{kind}</p>
        <h1>{group.name}</h1>
        {details}
      </header>
      <div className="columns">
        <section className="card" aria-labelledby="people-title">
          <h2 id="people-title">Researchers ({group.researchers.totalCount})</h2>
          <ul className="people">
            {group.researchers.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={pathOf("RESEARCHER", node.id)}>{node.name}</Link>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="years-title">
          <h2 id="years-title">Works by year</h2>
          <YearChart years={group.worksByYear} caption="Works per year" />
        </section>
        {topics}
      </div>
      <GraphView slice={group.graph} title="Research map" />
      <section aria-labelledby="works-title">
        <h2 id="works-title">Works ({group.works.totalCount})</h2>
        <WorkList works={group.works.edges.map((edge) => edge.node)} />
      </section>
    </article>
  );
}
