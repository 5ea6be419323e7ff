import { createContext, useContext } from 'react';
import type { Session } from '../modules/auth/useSession';

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and their access; only inside the signed-in shell. */
export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession outside the signed-in shell');
  return session;
}
