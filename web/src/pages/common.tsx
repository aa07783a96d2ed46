import { useEffect, type ReactNode } from "react";
import { sentence } from "../text";
import type { QueryState } from "../useQuery";

/** Loading, error and not-found states shared by the record pages. */
export function Loaded<T>({
  state,
  what,
  children,
}: {
  state: QueryState<T>;
  what: string;
  children: (data: T, stale: boolean) => ReactNode;
}) {
  if (state.status === "loading") {
    return (
      <p className="muted" role="status">
        Loading {what}…
      </p>
    );
  }
  if (state.status === "error") {
    return (
      <p className="error" role="alert">
        {sentence(state.error.message)}
      </p>
    );
  }
  return <>{children(state.data, state.stale)}</>;
}

export function NotFound({ what }: { what: string }) {
  return (
    <p className="error" role="alert">
      No {what} has this id.
    </p>
  );
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The tab's title: the record's name once loaded, its kind until then. */
export function useTitle(name: string | undefined, kind: string): void {
  useEffect(() => {
    document.title = name === undefined ? `${kind} · peergraph` : `${name} · peergraph`;
  }, [name, kind]);
}
