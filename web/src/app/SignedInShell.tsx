import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api/client';
import { useSession } from '../modules/auth/useSession';
import { ErrorState } from '../ui/ErrorState';
import { PageLoading } from '../ui/PageLoading';
import { AppLayout } from './AppLayout';
import { SessionContext } from './sessionContext';

/** Loads the session; without one, goes to the login page and comes back afterwards. */
export function SignedInShell() {
  const location = useLocation();
  const { session, error, isPending, refetch } = useSession();

  if (isPending) return <PageLoading fullScreen />;
  if (isApiError(error) && error.status === 401) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!session) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <SessionContext.Provider value={session}>
      <AppLayout session={session} />
    </SessionContext.Provider>
  );
}
