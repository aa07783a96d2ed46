import type { ReactNode } from "react";
import type { QueryState } from "../useQuery";

/** Loading, error and not-found states shared by the record pages. */
export function Loaded<T>({
  state,
  what,
  children,
}: {
  state: QueryState<T>;
  what: string;
  children: (data: T) => ReactNode;
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
        {state.error.message}
      </p>
    );
  }
  return <>{children(state.data)}</>;
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
