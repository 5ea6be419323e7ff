import { Navigate } from 'react-router';
import { homePath } from './routeTable';
import { useCurrentSession } from './sessionContext';

/** `/`: where the signed-in user's role starts (routeTable.ts, `homePath`). */
export function HomeRedirect() {
  const { user } = useCurrentSession();
  return <Navigate to={homePath(user.role)} replace />;
}
