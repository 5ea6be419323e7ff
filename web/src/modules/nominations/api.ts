import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { request } from '../../api/client';
import type {
  ApprovalChain,
  Nomination,
  NominationCreate,
  NominationResubmit,
  NominationStatus,
  Page,
  Role,
} from '../../api/types';

const NOMINATIONS_KEY = ['nominations'] as const;

export function nominationKey(id: number) {
  return [...NOMINATIONS_KEY, 'one', id] as const;
}

/** Whose requests a list shows: waiting for my decision, mine, or all in my scope. */
export type Box = 'inbox' | 'mine' | 'all';

export type NominationFilter = {
  box: Box;
  status?: NominationStatus;
  customerId?: number;
};

export const NOMINATION_STATUSES: readonly NominationStatus[] = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
];

/** The status in a list's URL (`?status=`), when it is one. */
export function statusParam(value: string | null): NominationStatus | undefined {
  return NOMINATION_STATUSES.find((s) => s === value);
}

/** Nominations newest first, a page at a time ("load more"). */
export function useNominationPages(filter: NominationFilter, options: { poll?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...NOMINATIONS_KEY, 'pages', filter],
    queryFn: ({ pageParam, signal }) =>
      request<Page<Nomination>>('GET', '/nominations', {
        query: {
          box: filter.box,
          status: filter.status,
          customer_id: filter.customerId,
          limit: 20,
          cursor: pageParam,
        },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
    // The inbox follows new requests as the notification bell does.
    refetchInterval: options.poll ? 45_000 : false,
  });
}

/** One nomination with its steps. */
export function nominationQuery(id: number) {
  return queryOptions({
    queryKey: nominationKey(id),
    queryFn: ({ signal }) => request<Nomination>('GET', `/nominations/${id}`, { signal }),
    staleTime: 0,
  });
}

export function useNomination(id: number | null) {
  return useQuery({ ...nominationQuery(id ?? 0), enabled: id !== null });
}

/**
 * After any change to a request: every list and the request itself, the customer (key
 * account, tier), its tiers and history, and the notifications it caused.
 */
function invalidateAfter(client: QueryClient, saved: Nomination) {
  client.setQueryData(nominationKey(saved.id), saved);
  void client.invalidateQueries({ queryKey: [...NOMINATIONS_KEY, 'pages'] });
  void client.invalidateQueries({ queryKey: ['customers', 'one', saved.customer_id] });
  void client.invalidateQueries({ queryKey: ['tiering', 'customer', saved.customer_id] });
  void client.invalidateQueries({ queryKey: ['history', saved.customer_id] });
  void client.invalidateQueries({ queryKey: ['notifications'] });
}

export function useCreateNomination() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: (body: NominationCreate) => request<Nomination>('POST', '/nominations', { body }),
    onSuccess: (saved) => invalidateAfter(client, saved),
  });
}

export type Decision = 'approve' | 'reject' | 'withdraw';

/** Approve, reject (a comment is required) or withdraw. Errors are shown where asked. */
export function useDecideNomination() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ id, decision, comment }: { id: number; decision: Decision; comment: string }) =>
      request<Nomination>('POST', `/nominations/${id}/${decision}`, {
        body: comment ? { comment } : {},
      }),
    onSuccess: (saved) => invalidateAfter(client, saved),
    // A refusal (403, 409) means the request moved on: show its state now.
    onError: (_e, { id }) => {
      void client.invalidateQueries({ queryKey: nominationKey(id) });
      void client.invalidateQueries({ queryKey: [...NOMINATIONS_KEY, 'pages'] });
    },
  });
}

export function useResubmitNomination() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ id, changes }: { id: number; changes: NominationResubmit }) =>
      request<Nomination>('POST', `/nominations/${id}/resubmit`, { body: changes }),
    onSuccess: (saved) => invalidateAfter(client, saved),
  });
}

/** The role deciding at each level, level 1 first. Everyone may read it. */
export const approvalChainQuery = queryOptions({
  queryKey: ['approval-chain'],
  queryFn: ({ signal }) =>
    request<ApprovalChain>('GET', '/approval-chain', { signal }).then((c) => c.roles),
  staleTime: 5 * 60_000,
});

export function useApprovalChain() {
  return useQuery(approvalChainQuery);
}

export function useSetApprovalChain() {
  const client = useQueryClient();
  return useMutation({
    meta: { fieldsHandled: true },
    mutationFn: (roles: Role[]) =>
      request<ApprovalChain>('PUT', '/approval-chain', { body: { roles } }).then((c) => c.roles),
    onSuccess: (roles) => client.setQueryData(approvalChainQuery.queryKey, roles),
  });
}
