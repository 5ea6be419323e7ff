import { useState } from 'react';
import type { CursorPagerState } from './CursorPager';

/** What the pager needs of a page's query: the answer's `next_cursor`, and whether it runs. */
export type CursorPageResult = {
  data?: { next_cursor: string | null } | undefined;
  isFetching: boolean;
};

/**
 * Previous / next over a cursor-paged list. Keeps the cursors of the pages seen so far and
 * goes back to the first page whenever `filterKey` (the list's filters, sort and page size,
 * e.g. the URL's query) changes.
 *
 * `cursor` is the one to ask the current page with (null: the first page); `pager(result)`
 * gives `CursorPager` its page number and buttons from that page's query: "next" follows the
 * answer's `next_cursor` and is offered only when there is one.
 */
export function useCursorPages(filterKey: string) {
  const [trail, setTrail] = useState<{ key: string; cursors: (string | null)[] }>({
    key: filterKey,
    cursors: [null],
  });
  const cursors = trail.key === filterKey ? trail.cursors : [null];
  const page = cursors.length;
  return {
    page,
    cursor: cursors[page - 1] ?? null,
    pager: (result: CursorPageResult): CursorPagerState => {
      const next = result.data?.next_cursor ?? null;
      return {
        page,
        hasPrevious: page > 1,
        hasNext: next !== null,
        onPrevious: () => setTrail({ key: filterKey, cursors: cursors.slice(0, -1) }),
        onNext: () => {
          if (next !== null) setTrail({ key: filterKey, cursors: [...cursors, next] });
        },
        loading: result.isFetching,
      };
    },
  };
}
