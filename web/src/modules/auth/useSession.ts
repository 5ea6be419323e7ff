import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { User } from '../../api/types';
import { accessFor, type Access } from '../../app/access';
import { approvalChainQuery } from '../nominations/api';
import { fetchMe } from './api';

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
});

export type Session = { user: User; access: Access };

/**
 * The signed-in user and what they may do; `session` is undefined while loading or signed
 * out. Who decides nominations comes from the approval chain, read once signed in; if it
 * cannot be read, only administrators count as deciders (the server decides regardless).
 */
export function useSession() {
  const query = useQuery(sessionQuery);
  const chain = useQuery({ ...approvalChainQuery, enabled: query.isSuccess });
  const roles = chain.data;
  const session = useMemo<Session | undefined>(
    () =>
      query.data
        ? {
            user: query.data.user,
            access: accessFor(query.data.permissions, query.data.user.role, roles),
          }
        : undefined,
    [query.data, roles],
  );
  return { ...query, isPending: query.isPending || (query.isSuccess && chain.isPending), session };
}
