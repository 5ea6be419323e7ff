import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api/client';
import { useSession } from '../modules/auth/useSession';
import { ErrorState } from '../ui/ErrorState';
import { PageLoading } from '../ui/PageLoading';
import { AppLayout } from './AppLayout';
import { usePageCodeLoading } from './pages';
import { SessionContext } from './sessionContext';

/**
 * Loads the session; without one, goes to the login page and comes back afterwards. The
 * first time, the layout also waits for the page's code (usePageCodeLoading), so layout and
 * page show together; later pages load inside the layout.
 */
export function SignedInShell() {
  const location = useLocation();
  const { session, error, isPending, refetch } = useSession();
  const pageCodeLoading = usePageCodeLoading();
  const [layoutShown, setLayoutShown] = useState(false);
  const ready = session !== undefined && (layoutShown || !pageCodeLoading);
  // Once shown, the layout stays: a later page's code loads inside it.
  if (ready && !layoutShown) setLayoutShown(true);

  if (isPending || (session && !ready)) return <PageLoading fullScreen />;
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
