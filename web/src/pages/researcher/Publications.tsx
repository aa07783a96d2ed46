// The researcher's works, sortable and filterable, paged to the end. The page's own
// request brings the first page in the default order; any other order, filter or page is
// one ResearcherWorks request.
import { useId, useState, type ChangeEvent, type ReactNode } from "react";
import ResearcherWorks from "../../graphql/ResearcherWorks.graphql";
import { ApiError } from "../../api";
import { Paged, type Connection } from "../../components/Paged";
import { WorkList, workType, type WorkItem } from "../../components/WorkList";
import { send } from "../../useQuery";
import { plural } from "../../text";
import type { Collaborator, ResearcherTopic } from "./types";

const FIRST_PAGE = 20;
const MORE = 50;

const ORDERS = {
  newest: { label: "Newest first", orderBy: null },
  oldest: { label: "Oldest first", orderBy: { field: "YEAR", direction: "ASC" } },
  cited: { label: "Most cited", orderBy: { field: "CITED_BY_COUNT", direction: "DESC" } },
  title: { label: "Title", orderBy: { field: "TITLE", direction: "ASC" } },
} as const;
type Order = keyof typeof ORDERS;

interface Filters {
  year: string;
  type: string;
  topic: string;
  coauthor: string;
}
const NO_FILTERS: Filters = { year: "", type: "", topic: "", coauthor: "" };

export interface Facets {
  years: { year: number; works: number }[];
  types: { key: string | null; count: number }[];
  topics: ResearcherTopic[];
  coauthors: Collaborator[];
}

function whereOf(filters: Filters): Record<string, unknown> | null {
  const where: Record<string, unknown> = {};
  if (filters.year !== "") {
    where.yearFrom = Number(filters.year);
    where.yearTo = Number(filters.year);
  }
  if (filters.type !== "") {
    where.type = [filters.type];
  }
  if (filters.topic !== "") {
    where.topic = filters.topic;
  }
  if (filters.coauthor !== "") {
    where.author = filters.coauthor;
  }
  return Object.keys(where).length === 0 ? null : where;
}

export function Publications({
  researcherId,
  total,
  first,
  facets,
}: {
  researcherId: string;
  total: number;
  first: Connection<WorkItem>;
  facets: Facets;
}) {
  const [order, setOrder] = useState<Order>("newest");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const where = whereOf(filters);
  const orderBy = ORDERS[order].orderBy;
  const query = JSON.stringify({ where, orderBy });
  const load = (after: string | null) =>
    fetchPage(researcherId, after === null ? FIRST_PAGE : MORE, after, { where, orderBy });
  const filtered = where !== null;
  const set = (name: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters({ ...filters, [name]: event.target.value });
  return (
    <section className="publications" aria-labelledby="works-title">
      <div className="section-head">
        <h2 id="works-title">Publications</h2>
        <p className="muted">{plural(total, "published work")}</p>
      </div>
      <div className="work-controls" role="group" aria-label="Sort and filter publications">
        <Choice label="Sort" value={order} onChange={(event) => setOrder(event.target.value as Order)}>
            {Object.entries(ORDERS).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
        </Choice>
        <Choice label="Year" value={filters.year} onChange={set("year")}>
            <option value="">All years</option>
            {[...facets.years].reverse().map(({ year, works }) => (
              <option key={year} value={String(year)}>
                {year} ({works})
              </option>
            ))}
        </Choice>
        <Choice label="Type" value={filters.type} onChange={set("type")}>
            <option value="">All types</option>
            {facets.types.flatMap(({ key, count }) =>
              key === null ? [] : [<option key={key} value={key}>{`${workType(key)} (${count})`}</option>],
            )}
        </Choice>
        <Choice label="Topic" value={filters.topic} onChange={set("topic")}>
            <option value="">All topics</option>
            {facets.topics.map(({ topic, works }) => (
              <option key={topic.id} value={topic.id}>
                {topic.name} ({works})
              </option>
            ))}
        </Choice>
        <Choice label="Co-author" value={filters.coauthor} onChange={set("coauthor")}>
            <option value="">Anyone</option>
            {facets.coauthors.map(({ researcher, sharedWorks }) => (
              <option key={researcher.id} value={researcher.id}>
                {researcher.name} ({sharedWorks})
              </option>
            ))}
        </Choice>
        {filtered && (
          <button type="button" className="link" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
      {/* a new order or filter is a new list, read from its first page */}
      <Paged key={query} first={where === null && orderBy === null ? first : null} load={load} noun="work">
        {(works) => <WorkList works={works} empty={filtered ? "No works match these filters." : "No published works."} />}
      </Paged>
    </section>
  );
}

/** A labelled select: its accessible name is the label alone, not the option chosen. */
function Choice({ label, value, onChange, children }: { label: string; value: string; onChange: (event: ChangeEvent<HTMLSelectElement>) => void; children: ReactNode }) {
  const id = useId();
  return (
    <span className="choice">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={onChange}>
        {children}
      </select>
    </span>
  );
}

async function fetchPage(
  researcherId: string,
  first: number,
  after: string | null,
  asked: { where: unknown; orderBy: unknown },
): Promise<Connection<WorkItem>> {
  const { researcher } = await send<{ researcher: { works: Connection<WorkItem> } | null }>(ResearcherWorks, {
    id: researcherId,
    first,
    after,
    where: asked.where,
    orderBy: asked.orderBy,
  });
  if (researcher === null) {
    throw new ApiError("the researcher is no longer in the graph", "NOT_FOUND", null);
  }
  return researcher.works;
}
