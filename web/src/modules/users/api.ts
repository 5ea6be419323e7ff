import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { isApiError, request } from '../../api/client';
import type { Page, Role, User, UserCreate, UserPatch } from '../../api/types';

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
