// The two ranked lists of a topic or an institution, each read to its end: its researchers
// (most works there first) and its works, in the order the reader picks.
import { useCallback, useState } from "react";
import GroupResearchersDocument from "../graphql/GroupResearchers.graphql";
import GroupWorksDocument from "../graphql/GroupWorks.graphql";
import { ApiError, type GraphQLDocument } from "../api";
import { pathOf } from "../router";
import { send } from "../useQuery";
import { plural } from "../text";
import { Link } from "./Link";
import { Paged, type Connection } from "./Paged";
import { WorkList, type WorkItem } from "./WorkList";
import "./ranked.css";

export interface RankedResearcher {
  id: string;
  name: string;
  affiliation: { id: string; name: string } | null;
  stats: { works: number; citations: number };
  /** On a topic's list: the researcher's works about the topic. */
  onTopic?: { totalCount: number };
}

const ORDERS = {
  newest: { label: "Newest", orderBy: { field: "YEAR", direction: "DESC" } },
  oldest: { label: "Oldest", orderBy: { field: "YEAR", direction: "ASC" } },
  cited: { label: "Most cited", orderBy: { field: "CITED_BY_COUNT", direction: "DESC" } },
} as const;
type Order = keyof typeof ORDERS;

/** What a page of a group's list answers, or words for why there is none. */
async function pageOf<K extends string, T>(
  document: GraphQLDocument,
  variables: Record<string, unknown>,
  list: K,
): Promise<Connection<T>> {
  const data = await send<{ node: Record<K, Connection<T>> | null }>(document, variables);
  if (data.node === null) {
    throw new ApiError("This record is no longer in the graph.", "NOT_FOUND", null);
  }
  return data.node[list];
}

export function ResearcherRanking({ groupId, first }: { groupId: string; first: Connection<RankedResearcher> }) {
  const load = useCallback(
    (after: string | null) =>
      pageOf<"researchers", RankedResearcher>(GroupResearchersDocument, { id: groupId, after }, "researchers"),
    [groupId],
  );
  return (
    <Paged first={first} load={load} noun="researcher">
      {(researchers) => (
        <ol className="ranked" data-testid="researchers">
          {researchers.map((researcher) => (
            <li key={researcher.id} data-testid="researcher" data-id={researcher.id}>
              <Link to={pathOf("RESEARCHER", researcher.id)}>{researcher.name}</Link>
              <span className="muted ranked-detail">
                {[
                  researcher.onTopic && `${plural(researcher.onTopic.totalCount, "work")} on this topic`,
                  researcher.onTopic ? `${researcher.stats.works} in all` : plural(researcher.stats.works, "work"),
                  plural(researcher.stats.citations, "citation"),
                  researcher.affiliation?.name,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Paged>
  );
}

export function WorksByOrder({ groupId, first }: { groupId: string; first: Connection<WorkItem> }) {
  const [order, setOrder] = useState<Order>("newest");
  const load = useCallback(
    (after: string | null) =>
      pageOf<"works", WorkItem>(GroupWorksDocument, { id: groupId, after, orderBy: ORDERS[order].orderBy }, "works"),
    [groupId, order],
  );
  return (
    <>
      <div className="tabs" role="group" aria-label="Order of the works">
        {(Object.keys(ORDERS) as Order[]).map((key) => (
          <button key={key} type="button" aria-pressed={order === key} onClick={() => setOrder(key)}>
            {ORDERS[key].label}
          </button>
        ))}
      </div>
      <Paged key={order} first={order === "newest" ? first : null} load={load} noun="work">
        {(works) => <WorkList works={works} />}
      </Paged>
    </>
  );
}
