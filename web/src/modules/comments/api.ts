import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { Comment, CommentKind, Page } from '../../api/types';

/** What is commented on: a contact record or a visit plan. */
export type CommentTarget = { kind: CommentKind; id: number };

function commentsPath({ kind, id }: CommentTarget): string {
  return kind === 'interaction' ? `/interactions/${id}/comments` : `/visit-plans/${id}/comments`;
}

function commentsKey({ kind, id }: CommentTarget) {
  return ['comments', kind, id] as const;
}

/** An item's comments, oldest first, a page at a time. */
export function useComments(target: CommentTarget) {
  return useInfiniteQuery({
    queryKey: commentsKey(target),
    queryFn: ({ pageParam, signal }) =>
      request<Page<Comment>>('GET', commentsPath(target), {
        query: { limit: 100, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** Comments; the thread and the weekly review (its counts) are read again. */
export function useAddComment(target: CommentTarget) {
  const client = useQueryClient();
  return useMutation({
    meta: { fieldsHandled: true },
    mutationFn: (body: string) =>
      request<Comment>('POST', commentsPath(target), { body: { body } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: commentsKey(target) });
      void client.invalidateQueries({ queryKey: ['weeklyReview'] });
    },
  });
}
