import { useEffect } from "react";
import ResearcherPageDocument from "../graphql/ResearcherPage.graphql";
import { BarChart, YearChart } from "../components/Charts";
import { Link } from "../components/Link";
import { TrustSnapshot, type TrustData } from "../components/Trust";
import { WorkList, type WorkItem } from "../components/WorkList";
import { GraphView } from "../graph/GraphView";
import type { Slice } from "../graph/model";
import { pathOf } from "../router";
import { useQuery } from "../useQuery";
import { Loaded, NotFound, percent } from "./common";
import { ResearcherActions } from "./ResearcherActions";

interface Researcher {
  id: string;
  name: string;
  headline: string | null;
  orcid: string | null;
  openToCollaborate: boolean;
  claimStatus: string;
  viewerFollows: boolean;
  affiliation: { id: string; name: string; country: string | null } | null;
  stats: { works: number; followers: number; topics: number; closeCollaborators: number; citations: number; hIndex: number };
  trust: TrustData;
  topics: { works: number; share: number; topic: { id: string; name: string; level: string } }[];
  works: { totalCount: number; edges: { node: WorkItem }[] };
  collaborators: {
    sharedWorks: number;
    strength: number;
    firstYear: number | null;
    lastYear: number | null;
    close: boolean;
    researcher: { id: string; name: string };
    works: { id: string; title: string; year: number | null }[];
  }[];
  recommendedCollaborators: {
    score: number;
    sharedCoauthors: number;
    sharedTopics: string[];
    reasons: string[];
    researcher: { id: string; name: string; headline: string | null; openToCollaborate: boolean };
  }[];
  worksByYear: { year: number; works: number }[];
  graph: Slice;
}

export function ResearcherPage({ id }: { id: string }) {
  const [state, update] = useQuery<{ researcher: Researcher | null }>(ResearcherPageDocument, { id });
  const name = state.status === "done" ? state.data.researcher?.name : undefined;
  useEffect(() => {
    document.title = name === undefined ? "Researcher · peergraph" : `${name} · peergraph`;
  }, [name]);
  const change = (patch: (researcher: Researcher) => Researcher) =>
    update((data) => ({ researcher: data.researcher === null ? null : patch(data.researcher) }));
  return (
    <Loaded state={state} what="the researcher">
      {({ researcher }) =>
        researcher === null ? (
          <NotFound what="researcher" />
        ) : (
          <Profile
            researcher={researcher}
            onFollow={(viewerFollows, followers) =>
              change((r) => ({ ...r, viewerFollows, stats: { ...r.stats, followers } }))
            }
            onClaim={(claimStatus, trust) => change((r) => ({ ...r, claimStatus, trust }))}
          />
        )
      }
    </Loaded>
  );
}

function Profile({
  researcher: r,
  onFollow,
  onClaim,
}: {
  researcher: Researcher;
  onFollow: (follows: boolean, followers: number) => void;
  onClaim: (claimStatus: string, trust: TrustData) => void;
}) {
  const close = r.collaborators.filter((c) => c.close);
  const others = r.collaborators.filter((c) => !c.close);
  return (
    <article className="record">
      <header className="record-head">
        <p className="kind-tag">Researcher profile</p>
        <h1>{r.name}</h1>
        {r.headline !== null && <p className="headline">{headlineOf(r.name, r.headline)}</p>}
        <p className="chips">
          <span className="pill">Researcher</span>
          {r.affiliation === null ? (
            <span className="pill muted-pill">Affiliation not imported</span>
          ) : (
            <Link className="pill" to={pathOf("INSTITUTION", r.affiliation.id)}>
              {r.affiliation.name}
            </Link>
          )}
          <span className={`pill ${r.openToCollaborate ? "open" : ""}`}>
            {r.openToCollaborate ? "Open to collaborate" : "Not open to collaborate"}
          </span>
          {r.orcid !== null && (
            <a className="pill" href={`https://orcid.org/${r.orcid}`} rel="noopener noreferrer">
              ORCID {r.orcid}
            </a>
          )}
        </p>
      </header>
      <div className="columns">
        <div>
          <TrustSnapshot trust={r.trust} claimStatus={r.claimStatus} />
          <dl className="stats card">
            {[
              ["works", r.stats.works],
              ["followers", r.stats.followers],
              ["topics", r.stats.topics],
              ["close collaborators", r.stats.closeCollaborators],
              ["citations", r.stats.citations],
              ["h-index", r.stats.hIndex],
            ].map(([label, value]) => (
              <div key={label} data-testid={`stat-${String(label).replace(/ /g, "-")}`}>
                <dd>{value}</dd>
                <dt>{label}</dt>
              </div>
            ))}
          </dl>
        </div>
        <ResearcherActions
          target={{
            id: r.id,
            name: r.name,
            openToCollaborate: r.openToCollaborate,
            claimStatus: r.claimStatus,
            viewerFollows: r.viewerFollows,
            followers: r.stats.followers,
          }}
          onFollow={onFollow}
          onClaim={onClaim}
        />
      </div>
      <GraphView slice={r.graph} title="Research graph" />
      <div className="columns">
        <section className="card" aria-labelledby="topics-title">
          <h2 id="topics-title">Topics</h2>
          <BarChart
            caption="Share of the researcher's topic assignments"
            bars={r.topics.map((t) => ({
              key: t.topic.id,
              label: <Link to={pathOf("TOPIC", t.topic.id)}>{t.topic.name}</Link>,
              value: t.share,
              text: `${percent(t.share)} · ${t.works} work${t.works === 1 ? "" : "s"}`,
            }))}
          />
        </section>
        <section className="card" aria-labelledby="years-title">
          <h2 id="years-title">Works by year</h2>
          <YearChart years={r.worksByYear} caption="Works per year" />
        </section>
      </div>
      <section aria-labelledby="works-title">
        <h2 id="works-title">Published work</h2>
        <p className="muted">{r.works.totalCount} published {r.works.totalCount === 1 ? "work" : "works"}</p>
        <WorkList works={r.works.edges.map((edge) => edge.node)} />
      </section>
      <div className="columns">
        <section className="card" aria-labelledby="collaborators-title">
          <h2 id="collaborators-title">Collaborators</h2>
          <CollaboratorList title="Close" list={close} empty="No close collaborators (strength 1.0 or more)." />
          <CollaboratorList title="Other co-authors" list={others} empty="No other co-authors." />
        </section>
        <section className="card" aria-labelledby="recommended-title">
          <h2 id="recommended-title">Recommended collaborators</h2>
          {r.recommendedCollaborators.length === 0 ? (
            <p className="muted">No recommendations yet.</p>
          ) : (
            <ul className="people">
              {r.recommendedCollaborators.map((rec) => (
                <li key={rec.researcher.id}>
                  <Link to={pathOf("RESEARCHER", rec.researcher.id)}>{rec.researcher.name}</Link>{" "}
                  {rec.researcher.openToCollaborate && <span className="tag open">open</span>}
                  <ul className="reasons">
                    {rec.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}

function CollaboratorList({ title, list, empty }: { title: string; list: Researcher["collaborators"]; empty: string }) {
  return (
    <>
      <h3>{title}</h3>
      {list.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="people">
          {list.map((c) => (
            <li key={c.researcher.id}>
              <Link to={pathOf("RESEARCHER", c.researcher.id)}>{c.researcher.name}</Link>{" "}
              <span className="muted">
                {c.sharedWorks} shared work{c.sharedWorks === 1 ? "" : "s"}, strength {c.strength.toFixed(2)}
                {c.lastYear !== null && `, last in ${c.lastYear}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A headline that reads as a predicate ("contributes to …") gets the name before it. */
function headlineOf(name: string, headline: string): string {
  const sentence = /^[a-z]/.test(headline) ? `${name} ${headline}` : headline;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
