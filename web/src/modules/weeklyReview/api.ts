import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { request } from '../../api/client';
import type { Page, ReviewItem, ReviewMarked, ReviewSummary } from '../../api/types';

export type ReviewState = 'unreviewed' | 'reviewed' | 'all';
export const REVIEW_STATES: readonly ReviewState[] = ['unreviewed', 'reviewed', 'all'];

/** An item as the mark and unmark requests name it. */
export type ReviewRef = Pick<ReviewItem, 'kind' | 'id'>;

const KEY = ['weeklyReview'] as const;

/** The week (any day in it) per team member the caller reviews. */
export function useReviewSummary(week: string) {
  return useQuery({
    queryKey: [...KEY, 'summary', week],
    queryFn: ({ signal }) =>
      request<ReviewSummary>('GET', '/weekly-review/summary', { query: { week }, signal }),
    placeholderData: keepPreviousData,
  });
}

export type QueueQuery = { week: string; user_id?: number; state: ReviewState };

/**
 * The review queue, in time order, a page at a time. Unreviewed: the week's items not yet
 * reviewed and those of earlier weeks still waiting; reviewed and all: the week's only.
 */
export function useReviewQueue(query: QueueQuery) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'queue', query],
    queryFn: ({ pageParam, signal }) =>
      request<Page<ReviewItem>>('GET', '/weekly-review', {
        query: { ...query, limit: 100, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

function useMarkRequest(path: '/weekly-review/mark' | '/weekly-review/unmark') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: readonly ReviewRef[]) =>
      request<ReviewMarked>('POST', path, {
        body: { items: items.map(({ kind, id }) => ({ kind, id })) },
      }),
    // All or nothing: either way the queue and the counts are read again.
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Marks items reviewed by the caller (those already reviewed keep their mark). */
export function useMarkReviewed() {
  return useMarkRequest('/weekly-review/mark');
}

/** Takes review marks back (undo). */
export function useUnmarkReviewed() {
  return useMarkRequest('/weekly-review/unmark');
}

export function reviewKey(item: ReviewRef): string {
  return `${item.kind}-${item.id}`;
}
