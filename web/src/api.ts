// POST /graphql with the document's text and its sha256 in Apollo's persisted-query form:
// a server that only runs persisted documents checks the hash, any other runs the text.
export interface GraphQLDocument {
  text: string;
  hash: string;
  operationName: string;
}

export type Variables = Record<string, unknown>;

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; reason?: string };
}

export class ApiError extends Error {
  readonly code: string;
  readonly reason: string | null;

  constructor(message: string, code: string, reason: string | null) {
    super(message);
    this.code = code;
    this.reason = reason;
  }
}

export async function request<T>(
  document: GraphQLDocument,
  variables: Variables,
  token: string | null,
): Promise<T> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token !== null) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({
        query: document.text,
        operationName: document.operationName,
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: document.hash } },
      }),
    });
  } catch {
    throw new ApiError("The server cannot be reached.", "NETWORK", null);
  }
  let body: { data?: T | null; errors?: GraphQLErrorBody[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status}.`, "HTTP", null);
  }
  const first = body.errors?.[0];
  if (first !== undefined) {
    throw new ApiError(
      first.message,
      first.extensions?.code ?? "INTERNAL_SERVER_ERROR",
      first.extensions?.reason ?? null,
    );
  }
  if (body.data === undefined || body.data === null) {
    throw new ApiError(`The server answered ${response.status} without data.`, "HTTP", null);
  }
  return body.data;
}
