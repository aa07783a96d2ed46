import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, request, type GraphQLDocument, type Variables } from "./api";
import { currentSession, signOut, useSession } from "./session";

export type QueryState<T> =
  | { status: "loading" }
  | { status: "error"; error: ApiError }
  // `stale`: answered for another account (the user has just signed in or out) and asked
  // again; what the page offers that depends on the account waits for the new answer.
  | { status: "done"; data: T; stale: boolean };

/** Sends `document` as the signed-in user, or anonymously. A token the server no longer
 * accepts (expired, its account gone) signs the user out, and the page asks again. */
export async function send<T>(document: GraphQLDocument, variables: Variables): Promise<T> {
  const session = currentSession();
  try {
    return await request<T>(document, variables, session?.token ?? null);
  } catch (error) {
    if (session !== null && error instanceof ApiError && error.code === "UNAUTHENTICATED") {
      signOut();
      if (document.text.trimStart().startsWith("query")) {
        return request<T>(document, variables, null);
      }
    }
    throw error;
  }
}

/** One request per page: the page's whole document, again when the user signs in or out. */
export function useQuery<T>(
  document: GraphQLDocument,
  variables: Variables,
): [QueryState<T>, (update: (data: T) => T) => void] {
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  const token = useSession()?.token ?? null;
  const key = JSON.stringify(variables);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    // Signing in or out refreshes the page in place; another record starts blank.
    if (shown.current !== key) {
      setState({ status: "loading" });
    } else {
      setState((previous) => (previous.status === "done" ? { ...previous, stale: true } : previous));
    }
    shown.current = key;
    send<T>(document, JSON.parse(key) as Variables).then(
      (data) => live && setState({ status: "done", data, stale: false }),
      (error: unknown) =>
        live &&
        setState({
          status: "error",
          error:
            error instanceof ApiError ? error : new ApiError(String(error), "INTERNAL_SERVER_ERROR", null),
        }),
    );
    return () => {
      live = false;
    };
  }, [document, key, token]);
  const update = useCallback((change: (data: T) => T) => {
    setState((previous) =>
      previous.status === "done" ? { ...previous, data: change(previous.data) } : previous,
    );
  }, []);
  return [state, update];
}
