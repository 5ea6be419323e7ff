import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { request } from '../../api/client';
import type {
  Handover,
  HandoverDecay,
  HandoverOrder,
  HandoverPreview,
  OwnerHistoryEntry,
  Page,
} from '../../api/types';

const HANDOVERS_KEY = ['handovers'] as const;

/**
 * What handing `userId` over by `order` would move, and to whom (POST …/handover/preview
 * changes nothing, so it is read like a query). The previous plan stays on screen while a
 * changed order is planned; a refused plan stays known while `enabled` is off, so that the
 * successors it names can be shown their problems.
 */
export function useHandoverPreview(
  userId: number | null,
  order: HandoverOrder | null,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...HANDOVERS_KEY, 'preview', userId, order],
    queryFn: ({ signal }) =>
      request<HandoverPreview>('POST', `/users/${userId}/handover/preview`, {
        body: order,
        signal,
      }),
    enabled: enabled && userId !== null && order !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * Hands the user over. The wizard shows every refusal itself. A handover moves accounts,
 * teams, open work and notifications and disables the user: everything read before may be
 * out of date, so all but the session is read again.
 */
export function useHandOver(userId: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: (order: HandoverOrder) =>
      request<Handover>('POST', `/users/${userId}/handover`, { body: order }),
    onSuccess: (done) => {
      client.removeQueries({ queryKey: [...HANDOVERS_KEY, 'preview'] });
      client.setQueryData(handoverKey(done.id), done);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

function handoverKey(id: number) {
  return [...HANDOVERS_KEY, 'one', id] as const;
}

/** One handover with every moved thing (for directors, those of customers they see). */
export function useHandover(id: number | null) {
  return useQuery({
    queryKey: handoverKey(id ?? 0),
    queryFn: ({ signal }) => request<Handover>('GET', `/handovers/${id}`, { signal }),
    enabled: id !== null,
  });
}

export type HandoverFilter = { user_id?: number };

/** One page of the handovers the caller may read, newest first (without their items). */
export function useHandoverPage(filter: HandoverFilter, limit: number, cursor: string | null) {
  return useQuery({
    queryKey: [...HANDOVERS_KEY, 'page', filter, limit, cursor],
    queryFn: ({ signal }) =>
      request<Page<Handover>>('GET', '/handovers', {
        query: { ...filter, limit, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export type DecayFilter = { handover_id?: number };

/** One page of the accounts whose cadence broke within 90 days of a handover, newest first. */
export function useDecayPage(filter: DecayFilter, limit: number, cursor: string | null) {
  return useQuery({
    queryKey: [...HANDOVERS_KEY, 'decay', filter, limit, cursor],
    queryFn: ({ signal }) =>
      request<Page<HandoverDecay>>('GET', '/handovers/decay', {
        query: { ...filter, limit, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A customer's earlier owners, newest first; under ['history', id], which a saved dossier invalidates. */
export function useOwnerHistory(customerId: number) {
  return useInfiniteQuery({
    queryKey: ['history', customerId, 'owners'],
    queryFn: ({ pageParam, signal }) =>
      request<Page<OwnerHistoryEntry>>('GET', `/customers/${customerId}/owner-history`, {
        query: { limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}
