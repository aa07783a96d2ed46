// Topic and institution pages: what they are, their figures, their works by year, type,
// venue and topic or institution, their researchers and works read to the end, and their
// neighbourhood.
import type { ReactNode } from "react";
import InstitutionPageDocument from "../graphql/InstitutionPage.graphql";
import TopicPageDocument from "../graphql/TopicPage.graphql";
import { BarChart, largestFirst, YearChart, type Bar } from "../components/Charts";
import { ResearcherRanking, WorksByOrder, type RankedResearcher } from "../components/GroupLists";
import { Link } from "../components/Link";
import type { Connection } from "../components/Paged";
import { workType, type WorkItem } from "../components/WorkList";
import { GraphView } from "../graph/GraphView";
import type { Slice } from "../graph/model";
import { pathOf } from "../router";
import { useQuery } from "../useQuery";
import { plural } from "../text";
import { Loaded, NotFound, percent, useTitle } from "./common";
import "./group.css";

interface Facet {
  groupsCount?: number;
  groups: { key: string | null; keyDisplayName: string | null; count: number }[];
}

interface Works extends Connection<WorkItem> {
  aggregate: { citedByCount: { sum: number } };
  types: Facet;
  venues: Facet;
}

interface Group {
  id: string;
  name: string;
  researchers: Connection<RankedResearcher>;
  works: Works;
  worksByYear: { year: number; works: number }[];
  graph: Slice;
}

interface Topic extends Group {
  description: string | null;
  level: string;
  parent: { id: string; name: string; level: string } | null;
  works: Works & { institutions: Facet; topics: Facet };
}

interface Institution extends Group {
  ror: string | null;
  country: string | null;
  type: string | null;
  domains: string[];
  topTopics: { works: number; researchers: number; share: number; topic: { id: string; name: string } }[];
}

const SHOWN_BARS = 8;

/** A facet's groups as bars of works, the items without a value left out. */
function facetBars(facet: Facet, link: (key: string) => string | null, label = (name: string) => name): Bar[] {
  return facet.groups.flatMap(({ key, keyDisplayName, count }) => {
    if (key === null) {
      return [];
    }
    const name = label(keyDisplayName ?? key);
    const to = link(key);
    return [{ key, name, value: count, text: plural(count, "work"), label: to === null ? name : <Link to={to}>{name}</Link> }];
  });
}

function FacetCard({ id, title, caption, bars, empty }: { id: string; title: string; caption: string; bars: Bar[]; empty: string }) {
  return (
    <section className="card" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {bars.length === 0 ? <p className="muted">{empty}</p> : <BarChart caption={caption} bars={largestFirst(bars).slice(0, SHOWN_BARS)} />}
    </section>
  );
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
            facets={
              <>
                <FacetCard
                  id="institutions-title"
                  title="Institutions"
                  caption="Institutions on the papers about this topic, by works"
                  bars={facetBars(topic.works.institutions, (key) => pathOf("INSTITUTION", key))}
                  empty="No institution is named on these papers."
                />
                <FacetCard
                  id="related-title"
                  title="Also about"
                  caption="Other topics of the works about this topic, by works"
                  bars={facetBars(
                    { groups: topic.works.topics.groups.filter((group) => group.key !== topic.id) },
                    (key) => pathOf("TOPIC", key),
                  )}
                  empty="These works are about no other topic."
                />
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
            facets={
              <FacetCard
                id="topics-title"
                title="Topics"
                caption="Share of the topics of the works affiliated here, largest first"
                bars={place.topTopics.map((t) => ({
                  key: t.topic.id,
                  name: t.topic.name,
                  label: <Link to={pathOf("TOPIC", t.topic.id)}>{t.topic.name}</Link>,
                  value: t.share,
                  text: `${percent(t.share)} · ${plural(t.works, "work")}`,
                }))}
                empty="No topic is assigned to these works."
              />
            }
          />
        )
      }
    </Loaded>
  );
}

function Figures({ group }: { group: Group }) {
  const years = group.worksByYear;
  const figures: [string, string][] = [
    ["Works", group.works.totalCount.toLocaleString("en")],
    ["Researchers", group.researchers.totalCount.toLocaleString("en")],
    ["Citations", group.works.aggregate.citedByCount.sum.toLocaleString("en")],
    ["Years", years.length === 0 ? "none dated" : `${years[0].year}–${years[years.length - 1].year}`],
  ];
  return (
    <dl className="group-figures">
      {figures.map(([name, value]) => (
        <div key={name} data-testid={`figure-${name.toLowerCase()}`}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function GroupRecord({ group, kind, details, facets }: { group: Group; kind: string; details: ReactNode; facets: ReactNode }) {
  return (
    <article className="record">
      <header className="record-head">
        <p className="kind-tag">{kind}</p>
        <h1>{group.name}</h1>
        {details}
        <Figures group={group} />
      </header>
      <section className="card" aria-labelledby="years-title" data-testid="years">
        <h2 id="years-title">Works by year</h2>
        <YearChart years={group.worksByYear} caption="Works per year" />
      </section>
      <div className="columns">
        {facets}
        <FacetCard
          id="types-title"
          title="Kinds of work"
          caption="Works by kind"
          bars={facetBars(group.works.types, () => null, workType)}
          empty="No works."
        />
        <FacetCard
          id="venues-title"
          title="Venues"
          caption="Venues with the most works"
          bars={facetBars(group.works.venues, () => null)}
          empty="No venue is known for these works."
        />
      </div>
      <div className="group-lists">
        <section aria-labelledby="works-title">
          <h2 id="works-title">Works ({group.works.totalCount.toLocaleString("en")})</h2>
          <WorksByOrder groupId={group.id} first={group.works} />
        </section>
        <section className="card" aria-labelledby="people-title">
          <h2 id="people-title">Researchers ({group.researchers.totalCount.toLocaleString("en")})</h2>
          <p className="muted">Most works here first.</p>
          <ResearcherRanking groupId={group.id} first={group.researchers} />
        </section>
      </div>
      <GraphView slice={group.graph} title="Research map" />
    </article>
  );
}
