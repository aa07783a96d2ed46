import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { currentSession } from "./session";

// The profile query of the README, on the seed researcher: ready to run.
const SEED_RESEARCHER = "UmVzZWFyY2hlcjphbmlyYml0LW11a2hlcmplZQ";
const PROFILE = `query Profile($id: ID!) {
  researcher(id: $id) {
    name
    headline
    affiliation { name }
    openToCollaborate
    stats { works followers topics closeCollaborators }
    trust { score label verificationLevel claimed }
    works(first: 4) {
      edges { node { type year venue title authors { researcher { name } } } }
    }
  }
}
`;

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
      defaultQuery={PROFILE}
      variables={JSON.stringify({ id: SEED_RESEARCHER }, null, 2)}
      defaultEditorToolsVisibility="variables"
      isHeadersEditorEnabled={false}
    />
  );
}
