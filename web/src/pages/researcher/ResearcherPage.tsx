// A researcher's page, work first: who they are and their key figures, then their
// publications, their citations over time, co-authors, topics and the research graph.
import { useState } from "react";
import ResearcherPageDocument from "../../graphql/ResearcherPage.graphql";
import { BarChart, YearChart } from "../../components/Charts";
import { Link } from "../../components/Link";
import { GraphView } from "../../graph/GraphView";
import { pathOf } from "../../router";
import { useQuery } from "../../useQuery";
import { Loaded, NotFound, percent, useTitle } from "../common";
import { VisitorActions } from "./Actions";
import { Collaborators } from "./Collaborators";
import { ProfileHeader } from "./Header";
import { EditProfile, InvitationsInbox, OwnerActions } from "./Owner";
import { Publications } from "./Publications";
import type { Researcher } from "./types";
import "./researcher.css";

export function ResearcherPage({ id }: { id: string }) {
  const [state, update] = useQuery<{ researcher: Researcher | null }>(ResearcherPageDocument, { id });
  const name = state.status === "done" ? state.data.researcher?.name : undefined;
  useTitle(name, "Researcher");
  const change = (patch: Partial<Researcher> | ((researcher: Researcher) => Partial<Researcher>)) =>
    update((data) =>
      data.researcher === null
        ? data
        : { researcher: { ...data.researcher, ...(typeof patch === "function" ? patch(data.researcher) : patch) } },
    );
  return (
    <Loaded state={state} what="the researcher">
      {({ researcher }, stale) =>
        researcher === null ? <NotFound what="researcher" /> : <Profile researcher={researcher} stale={stale} change={change} />
      }
    </Loaded>
  );
}

function Profile({
  researcher: r,
  stale,
  change,
}: {
  researcher: Researcher;
  stale: boolean;
  change: (patch: Partial<Researcher> | ((researcher: Researcher) => Partial<Researcher>)) => void;
}) {
  const [editing, setEditing] = useState(false);
  const owner = r.viewerIsClaimant && !stale;
  const actions = owner ? (
    <OwnerActions editing={editing} onEdit={() => setEditing(!editing)} />
  ) : (
    <VisitorActions
      target={{
        id: r.id,
        name: r.name,
        openToCollaborate: r.openToCollaborate,
        claimStatus: r.claimStatus,
        viewerFollows: r.viewerFollows,
        followers: r.stats.followers,
      }}
      stale={stale}
      onFollow={(viewerFollows, followers) => change((now) => ({ viewerFollows, stats: { ...now.stats, followers } }))}
      onClaim={(claimStatus, trust) => change({ claimStatus, trust })}
    />
  );
  return (
    <article className="record researcher">
      <ProfileHeader researcher={r} actions={actions} />
      {owner && editing && (
        <EditProfile record={r} onSaved={(saved) => change(saved)} onClose={() => setEditing(false)} />
      )}
      {owner && <InvitationsInbox />}
      <Publications
        researcherId={r.id}
        total={r.stats.works}
        first={r.works}
        facets={{ years: r.worksByYear, types: r.works.groupBy.groups, topics: r.topics, coauthors: r.collaborators }}
      />
      <div className="columns">
        <section className="card" aria-labelledby="citations-title">
          <h2 id="citations-title">Citations per year</h2>
          {r.stats.countsByYear.some(({ citations }) => citations > 0) ? (
            <YearChart
              years={r.stats.countsByYear.map(({ year, citations }) => ({ year, works: citations }))}
              caption="Citations received each year from works in the graph"
              noun="citation"
            />
          ) : (
            <p className="muted">No work in the graph has cited these works in the last ten years.</p>
          )}
        </section>
        <section className="card" aria-labelledby="years-title">
          <h2 id="years-title">Works per year</h2>
          <YearChart years={r.worksByYear} caption="Works published each year" />
        </section>
      </div>
      <Collaborators collaborators={r.collaborators} recommended={r.recommendedCollaborators} />
      <section className="card" aria-labelledby="topics-title">
        <h2 id="topics-title">Topics ({r.stats.topics})</h2>
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
      <GraphView slice={r.graph} title="Research graph" />
    </article>
  );
}
