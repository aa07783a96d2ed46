import { useState } from "react";
import { WorkList, type WorkItem } from "./WorkList";

export interface WorkPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: WorkItem }[];
}

/** A list of works shown a page at a time: the first page comes with the record, "Show
 * more" asks `nextPage` for the works after the last one shown, until the list ends. */
export function PagedWorks({
  label,
  first,
  nextPage,
}: {
  label: string;
  first: WorkPage;
  nextPage: (after: string) => Promise<WorkPage>;
}) {
  const [works, setWorks] = useState(first.edges.map((edge) => edge.node));
  const [pageInfo, setPageInfo] = useState(first.pageInfo);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  const showMore = async () => {
    if (pageInfo.endCursor === null) {
      return;
    }
    setLoading(true);
    setFailed(false);
    try {
      const page = await nextPage(pageInfo.endCursor);
      setWorks((shown) => [...shown, ...page.edges.map((edge) => edge.node)]);
      setPageInfo(page.pageInfo);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <WorkList works={works} />
      <p className="paged-status" role="status">
        {pageInfo.hasNextPage
          ? `${works.length} of ${first.totalCount} ${label} shown.`
          : works.length > first.edges.length
            ? `All ${works.length} ${label} shown.`
            : null}
        {failed && " The next works could not be loaded; try again."}
      </p>
      {pageInfo.hasNextPage && (
        <button type="button" className="secondary" onClick={showMore} disabled={loading}>
          {loading ? "Loading…" : `Show more ${label}`}
        </button>
      )}
    </>
  );
}
