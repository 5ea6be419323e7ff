import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { request } from '../../api/client';
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

/** Up to 20 users whose name matches `q`, for pickers. */
export function useUserSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...USERS_KEY, 'search', q],
    queryFn: ({ signal }) =>
      request<Page<User>>('GET', '/users', { query: { q, limit: 20 }, signal }).then(
        (p) => p.items,
      ),
    enabled,
    placeholderData: (previous) => previous,
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
