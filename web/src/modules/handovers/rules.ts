// Who may be handed over, and to whom, as the console mirrors it (tested in rules.test.ts).
// The server decides (server/src/core/engagement/handover.cc): these only grey out choices
// and explain refusals.
import { isApiError } from '../../api/client';
import type { Role, User } from '../../api/types';

const TAKES_OVER_WORK: ReadonlySet<Role> = new Set<Role>([
  'kam',
  'assistant',
  'sales',
  'director',
  'service',
  'specialist',
]);
const OWNS_ACCOUNTS: ReadonlySet<Role> = new Set<Role>(['kam', 'assistant', 'sales', 'director']);
const DIRECTOR_HANDS_OVER: ReadonlySet<Role> = new Set<Role>([
  'kam',
  'assistant',
  'sales',
  'service',
]);

export function canOwnAccounts(role: Role): boolean {
  return OWNS_ACCOUNTS.has(role);
}

/** Why `user` cannot be handed over by `me`; null when they may (the server still judges). */
export function leavingUnavailable(
  user: Pick<User, 'id' | 'role'>,
  me: Pick<User, 'id' | 'role'>,
): 'self' | 'directorRole' | null {
  if (user.id === me.id) return 'self';
  if (me.role === 'director' && !DIRECTOR_HANDS_OVER.has(user.role)) return 'directorRole';
  return null;
}

/** Why `user` cannot be a successor; null when they can. */
export function successorUnavailable(
  user: Pick<User, 'id' | 'role' | 'active'>,
  leavingId: number | null,
  chosen: readonly number[],
): 'leaving' | 'chosen' | 'inactive' | 'role' | null {
  if (user.id === leavingId) return 'leaving';
  if (chosen.includes(user.id)) return 'chosen';
  if (!user.active) return 'inactive';
  if (!TAKES_OVER_WORK.has(user.role)) return 'role';
  return null;
}

/** A refusal of the whole handover in words: an i18n key of `handover.refused`; null: as usual. */
export type HandoverRefusal =
  | 'handover.refused.forbidden'
  | 'handover.refused.self'
  | 'handover.refused.nothing'
  | 'handover.refused.gone'
  | null;

/**
 * 403: not theirs to hand over (a director beyond their subtree or the roles they hand
 * over); 409: oneself, or a disabled user who holds nothing; 404: no such user in sight.
 */
export function handoverRefusal(
  error: unknown,
  leavingId: number | null,
  meId: number,
): HandoverRefusal {
  if (!isApiError(error)) return null;
  switch (error.status) {
    case 403:
      return 'handover.refused.forbidden';
    case 409:
      return leavingId === meId ? 'handover.refused.self' : 'handover.refused.nothing';
    case 404:
      return 'handover.refused.gone';
    default:
      return null;
  }
}
