// What the console makes of an account team, as pure functions (tested in rules.test.ts):
// whom the picker offers, and how a refused change reads. The server stays the judge
// (server/src/core/customers/customer_service.cc).
import { isApiError } from '../../api/client';
import type { AccountTeamMember, Customer, DefaultTeamMember, User } from '../../api/types';

/** Why a user cannot join this team; null when they can. */
export type Unpickable = 'owner' | 'member' | 'inactive' | null;

export function unpickable(
  user: Pick<User, 'id' | 'active'>,
  customer: Pick<Customer, 'owner_id'>,
  members: readonly Pick<AccountTeamMember, 'user_id'>[],
): Unpickable {
  if (user.id === customer.owner_id) return 'owner';
  if (members.some((m) => m.user_id === user.id)) return 'member';
  if (!user.active) return 'inactive';
  return null;
}

/** A refused change in words: an i18n key of `accountTeam.refused`; null reads as usual. */
export type TeamRefusal =
  | 'accountTeam.refused.owner'
  | 'accountTeam.refused.member'
  | 'accountTeam.refused.notMember'
  | 'accountTeam.refused.forbidden'
  | 'accountTeam.refused.customerGone'
  | null;

/**
 * Why adding `userId` was refused. 409 is the owner or someone already on the team (the
 * server says which only in its message, so the console tells them apart by the owner).
 * Field problems (400) are shown on the form's fields instead.
 */
export function addRefusal(
  error: unknown,
  userId: number,
  customer: Pick<Customer, 'owner_id'>,
): TeamRefusal {
  if (!isApiError(error)) return null;
  switch (error.status) {
    case 409:
      return userId === customer.owner_id
        ? 'accountTeam.refused.owner'
        : 'accountTeam.refused.member';
    case 403:
      return 'accountTeam.refused.forbidden';
    case 404:
      return 'accountTeam.refused.customerGone';
    default:
      return null;
  }
}

/** Why removing a member was refused: 404 means they are no longer on the team. */
export function removeRefusal(error: unknown): TeamRefusal {
  if (!isApiError(error)) return null;
  if (error.status === 404) return 'accountTeam.refused.notMember';
  if (error.status === 403) return 'accountTeam.refused.forbidden';
  return null;
}

/**
 * Whether `me` may change `owner`'s default team: themself, an administrator, or a director
 * (the server checks that the owner is in the director's units).
 */
export function mayEditDefaultTeam(me: Pick<User, 'id' | 'role'>, ownerId: number): boolean {
  return me.id === ownerId || me.role === 'admin' || me.role === 'director';
}

/** Why a user cannot join a default team; null when they can. */
export function defaultTeamUnpickable(
  user: Pick<User, 'id' | 'active'>,
  ownerId: number,
  members: readonly Pick<DefaultTeamMember, 'user_id'>[],
): Unpickable {
  if (user.id === ownerId) return 'owner';
  if (members.some((m) => m.user_id === user.id)) return 'member';
  if (!user.active) return 'inactive';
  return null;
}

/** The members the apply-default answer added: those on `after` and not on `before`. */
export function addedMembers(
  before: readonly Pick<AccountTeamMember, 'user_id'>[],
  after: readonly AccountTeamMember[],
): AccountTeamMember[] {
  const had = new Set(before.map((m) => m.user_id));
  return after.filter((m) => !had.has(m.user_id));
}

/** The server's problems with a default team's members (`members[1].user_id`), by row and field. */
export function memberProblems(
  fields: Record<string, string>,
): Map<number, { user_id?: string; team_role?: string }> {
  const out = new Map<number, { user_id?: string; team_role?: string }>();
  for (const [field, problem] of Object.entries(fields)) {
    const m = /^members\[(\d+)\]\.(user_id|team_role)$/.exec(field);
    if (!m) continue;
    const row = Number(m[1]);
    out.set(row, { ...out.get(row), [m[2] as 'user_id' | 'team_role']: problem });
  }
  return out;
}
