// A list read page by page to its end: "Show more" asks for the page after the last one
// shown, with the cursor the API gave for it.
import { useEffect, useState, type ReactNode } from "react";
import { ApiError } from "../api";
import { plural } from "../text";
import "./paged.css";

export interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

/** The page after `after` (the first page for null). */
export type PageLoader<T> = (after: string | null) => Promise<Connection<T>>;

interface Pages<T> {
  items: T[];
  total: number | null;
  cursor: string | null;
  more: boolean;
}

type Request = { status: "idle" } | { status: "loading" } | { status: "error"; message: string };

function pagesOf<T>(connection: Connection<T> | null, before: T[] = []): Pages<T> {
  if (connection === null) {
    return { items: before, total: null, cursor: null, more: true };
  }
  return {
    items: [...before, ...connection.edges.map((edge) => edge.node)],
    total: connection.totalCount,
    cursor: connection.pageInfo.endCursor,
    more: connection.pageInfo.hasNextPage,
  };
}

/** Shows the items read so far and a button for the next page. Without a first page, reads
 * it; a parent that changes what the list is (its order) gives it a new `key`. */
export function Paged<T>({
  first,
  load,
  noun,
  children,
}: {
  first: Connection<T> | null;
  load: PageLoader<T>;
  noun: string;
  children: (items: T[]) => ReactNode;
}) {
  const [pages, setPages] = useState<Pages<T>>(() => pagesOf(first));
  const [request, setRequest] = useState<Request>(first === null ? { status: "loading" } : { status: "idle" });

  const read = (after: string | null, before: T[]) => {
    setRequest({ status: "loading" });
    return load(after).then(
      (connection) => {
        setPages(pagesOf(connection, before));
        setRequest({ status: "idle" });
      },
      (error: unknown) =>
        setRequest({ status: "error", message: error instanceof ApiError ? error.message : "The list could not be read." }),
    );
  };

  useEffect(() => {
    if (first === null) {
      void read(null, []);
    }
    // The first page is read once, when the list appears; `key` makes a new list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { items, total, cursor, more } = pages;
  return (
    <>
      {children(items)}
      <div className="paged-footer">
        <p className="muted" role="status" data-testid={`${noun}-shown`}>
          {total === null
            ? `Loading ${noun}s…`
            : more
              ? `${items.length.toLocaleString("en")} of ${plural(total, noun)} shown`
              : `All ${plural(total, noun)} shown`}
        </p>
        {request.status === "error" && (
          <p className="error" role="alert">
            {request.message}
          </p>
        )}
        {((total !== null && more) || request.status === "error") && (
          <button
            type="button"
            className="secondary"
            disabled={request.status === "loading"}
            onClick={() => void read(cursor, items)}
          >
            {request.status === "loading" ? "Loading…" : `Show more ${noun}s`}
          </button>
        )}
      </div>
    </>
  );
}
