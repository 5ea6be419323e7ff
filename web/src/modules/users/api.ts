import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { isApiError, request } from '../../api/client';
import type { Page, Role, User, UserCreate, UserPatch, UserWhoSees } from '../../api/types';

export const ROLES: readonly Role[] = [
  'admin',
  'executive',
  'director',
  'kam',
  'assistant',
  'specialist',
  'service',
  'sales',
];

export type UserFilters = { q?: string; role?: Role; active?: boolean };

const USERS_KEY = ['users'] as const;

/** Users the caller may list (admins all, directors their subtree), a page at a time. */
export function useUserPages(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...USERS_KEY, 'pages', filters],
    queryFn: ({ pageParam, signal }) =>
      request<Page<User>>('GET', '/users', {
        query: { ...filters, limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
}

/** Up to 20 users whose name matches `q` (and `filters`), for pickers. */
export function useUserSearch(q: string, enabled: boolean, filters: UserFilters = {}) {
  return useQuery({
    queryKey: [...USERS_KEY, 'search', q, filters],
    queryFn: ({ signal }) =>
      request<Page<User>>('GET', '/users', { query: { ...filters, q, limit: 20 }, signal }).then(
        (p) => p.items,
      ),
    enabled,
    placeholderData: (previous) => previous,
  });
}

const WHO_SEE_LIMIT = 20;

function whoSeeQuery(customerId: number, q: string) {
  return {
    queryKey: [...USERS_KEY, 'whoSee', customerId, q] as const,
    queryFn: ({ signal }: { signal?: AbortSignal }) =>
      request<Page<UserWhoSees>>('GET', `/customers/${customerId}/users`, {
        query: { q, limit: WHO_SEE_LIMIT },
        signal,
      }).then((p) => p.items),
  };
}

/**
 * Up to 20 active colleagues who see the customer and whose name matches `q`: whom its
 * requests and next steps may be handed to. Any user who sees the customer may ask; no
 * `user.read` needed.
 */
export function useColleaguesWhoSee(customerId: number | null, q: string, enabled: boolean) {
  return useQuery({
    ...whoSeeQuery(customerId ?? 0, q),
    enabled: enabled && customerId != null,
    placeholderData: (previous) => previous,
  });
}

/** Whether user `userId` (named `name`, as far as known) sees the customer. */
export function useSeesCustomer() {
  const client = useQueryClient();
  return async (customerId: number, userId: number, name: string): Promise<boolean> => {
    const found = await client.fetchQuery({ ...whoSeeQuery(customerId, name), staleTime: 30_000 });
    return found.some((u) => u.id === userId);
  };
}

/**
 * These users' records, each read once, for showing names. A user the caller may not see
 * (404, or 403 without `user.read`) comes back null rather than failing.
 */
export function useUsersById(ids: readonly number[], enabled: boolean) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [...USERS_KEY, 'one', id],
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        try {
          return await request<User>('GET', `/users/${id}`, { signal });
        } catch (e) {
          if (isApiError(e) && (e.status === 403 || e.status === 404)) return null;
          throw e;
        }
      },
      enabled,
      staleTime: 5 * 60_000,
    })),
    combine: (results) => ({
      byId: new Map(ids.map((id, i) => [id, results[i]?.data])),
      isPending: enabled && results.some((r) => r.isPending),
    }),
  });
}

export function useSaveUser() {
  const client = useQueryClient();
  return useMutation({
    meta: { fieldsHandled: true },
    mutationFn: ({ user, values }: { user?: User; values: UserCreate | UserPatch }) =>
      user
        ? request<User>('PATCH', `/users/${user.id}`, { body: values, ifMatch: user.version })
        : request<User>('POST', '/users', { body: values }),
    onSettled: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useResetPassword() {
  return useMutation({
    meta: { fieldsHandled: true },
    mutationFn: ({ user, password }: { user: User; password: string }) =>
      request<undefined>('POST', `/users/${user.id}/reset-password`, { body: { password } }),
  });
}
