import { useState } from 'react';

/**
 * Cursors of the pages seen so far, for "previous" over a cursor-paged list; back to the
 * first page whenever `queryKey` (the list's filters) changes.
 */
export function useCursorTrail(queryKey: string) {
  const [trail, setTrail] = useState<{ key: string; cursors: (string | null)[] }>({
    key: queryKey,
    cursors: [null],
  });
  const cursors = trail.key === queryKey ? trail.cursors : [null];
  return {
    page: cursors.length,
    cursor: cursors[cursors.length - 1] ?? null,
    next: (cursor: string) => setTrail({ key: queryKey, cursors: [...cursors, cursor] }),
    previous: () => setTrail({ key: queryKey, cursors: cursors.slice(0, -1) }),
  };
}
