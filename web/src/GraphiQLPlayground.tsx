import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import ResearcherPage from "./graphql/ResearcherPage.graphql";
import { currentSession } from "./session";

// The seed researcher: the profile page's own query opens ready to run.
const SEED_RESEARCHER = "UmVzZWFyY2hlcjphbmlyYml0LW11a2hlcmplZQ";

async function fetcher(params: { query: string; operationName?: string | null; variables?: unknown }) {
  const token = currentSession()?.token;
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(params),
  });
  return response.json();
}

export function Playground() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={ResearcherPage.text}
      variables={JSON.stringify({ id: SEED_RESEARCHER }, null, 2)}
      defaultEditorToolsVisibility="variables"
      isHeadersEditorEnabled={false}
    />
  );
}
