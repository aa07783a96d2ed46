// What the home page shows under the search box before anything is typed: what the graph
// holds, searches to try (its largest topics, so that each finds something), and where
// to start: the most cited, most published and most followed researchers, the largest
// topics and the institutions with the most works. A ranking that nobody is on yet (no
// citations recorded, nobody followed) is left out rather than shown empty.
import HomeDocument from "../graphql/Home.graphql";
import { Link } from "../components/Link";
import { pathOf } from "../router";
import { useQuery } from "../useQuery";
import { plural } from "../text";
import "./home.css";

interface Named {
  id: string;
  name: string;
}

type Ranked = Named & { affiliation: { name: string } | null; stats: { citations: number; works: number } };

interface Home {
  researchers: { totalCount: number };
  works: { totalCount: number };
  topics: { totalCount: number };
  institutions: { totalCount: number };
  mostCited: { edges: { node: Ranked }[] };
  mostPublished: { edges: { node: Ranked }[] };
  mostFollowed: { edges: { node: Named & { affiliation: { name: string } | null; stats: { followers: number; works: number } } }[] };
  largestTopics: { edges: { node: Named & { works: { totalCount: number } } }[] };
  busiestInstitutions: { edges: { node: Named & { country: string | null; works: { totalCount: number } } }[] };
}

const EXAMPLES = 3;

interface Entry {
  id: string;
  name: string;
  detail: string;
}

function Ranking({ id, title, kind, entries }: { id: string; title: string; kind: string; entries: Entry[] }) {
  if (entries.length === 0) {
    return null;
  }
  return (
    <section className="card" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      <ol className="home-ranking">
        {entries.map((entry) => (
          <li key={entry.id}>
            <Link to={pathOf(kind, entry.id)}>{entry.name}</Link>
            <span className="muted"> · {entry.detail}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function researcherEntry(node: Ranked, first: "citations" | "works"): Entry {
  const figures = [plural(node.stats.citations, "citation"), plural(node.stats.works, "work")];
  return {
    id: node.id,
    name: node.name,
    detail: [...(first === "works" ? figures.reverse() : figures), node.affiliation?.name].filter(Boolean).join(" · "),
  };
}

export function HomeOverview({ onExample }: { onExample: (query: string) => void }) {
  const [state] = useQuery<Home>(HomeDocument, {});
  if (state.status !== "done") {
    return state.status === "error" ? (
      <p className="error" role="alert">
        What the graph holds cannot be shown: {state.error.message}
      </p>
    ) : null;
  }
  const home = state.data;
  const figures: [string, number][] = [
    ["researchers", home.researchers.totalCount],
    ["works", home.works.totalCount],
    ["topics", home.topics.totalCount],
    ["institutions", home.institutions.totalCount],
  ];
  const topics = home.largestTopics.edges.map((edge) => edge.node).filter((topic) => topic.works.totalCount > 0);
  const followed = home.mostFollowed.edges.map((edge) => edge.node).filter((person) => person.stats.followers > 0);
  return (
    <div className="home">
      <section aria-labelledby="holds-title">
        <h2 id="holds-title" className="sr-only">
          What the graph holds
        </h2>
        <dl className="home-figures">
          {figures.map(([name, count]) => (
            <div key={name} data-testid={`count-${name}`}>
              <dt>{name}</dt>
              <dd>{count.toLocaleString("en")}</dd>
            </div>
          ))}
        </dl>
      </section>
      {topics.length > 0 && (
        <section className="home-examples" aria-labelledby="examples-title">
          <h2 id="examples-title">Try a search</h2>
          <ul className="chips">
            {topics.slice(0, EXAMPLES).map((topic) => (
              <li key={topic.id}>
                <button type="button" className="secondary" onClick={() => onExample(topic.name)}>
                  {topic.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="columns">
        <Ranking
          id="cited-title"
          title="Most cited researchers"
          kind="RESEARCHER"
          entries={home.mostCited.edges
            .filter(({ node }) => node.stats.citations > 0)
            .map(({ node }) => researcherEntry(node, "citations"))}
        />
        <Ranking
          id="published-title"
          title="Researchers with the most works"
          kind="RESEARCHER"
          entries={home.mostPublished.edges.map(({ node }) => researcherEntry(node, "works"))}
        />
        <Ranking
          id="followed-title"
          title="Most followed researchers"
          kind="RESEARCHER"
          entries={followed.map((node) => ({
            id: node.id,
            name: node.name,
            detail: [plural(node.stats.followers, "follower"), plural(node.stats.works, "work")].join(" · "),
          }))}
        />
        <Ranking
          id="topics-title"
          title="Largest topics"
          kind="TOPIC"
          entries={topics.map((topic) => ({ id: topic.id, name: topic.name, detail: plural(topic.works.totalCount, "work") }))}
        />
        <Ranking
          id="institutions-title"
          title="Institutions with the most works"
          kind="INSTITUTION"
          entries={home.busiestInstitutions.edges.map(({ node }) => ({
            id: node.id,
            name: node.name,
            detail: [plural(node.works.totalCount, "work"), node.country].filter(Boolean).join(" · "),
          }))}
        />
      </div>
    </div>
  );
}
