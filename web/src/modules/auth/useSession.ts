import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { User } from '../../api/types';
import { accessFor, type Access } from '../../app/access';
import { fetchMe } from './api';

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
});

export type Session = { user: User; access: Access };

/** The signed-in user and what they may do; `session` is undefined while loading or signed out. */
export function useSession() {
  const query = useQuery(sessionQuery);
  const session = useMemo<Session | undefined>(
    () =>
      query.data ? { user: query.data.user, access: accessFor(query.data.permissions) } : undefined,
    [query.data],
  );
  return { ...query, session };
}
