import type { TFunction } from 'i18next';
import type { Nomination } from '../../api/types';
import type { Refusal } from './rules';

/** Who decides a pending request now: "director · East region", or administrators. */
export function approverText(
  t: TFunction,
  n: Pick<Nomination, 'approver_role' | 'approver_unit_name'>,
): string {
  if (n.approver_role === 'admin' || !n.approver_role) return t('nomination.admins');
  return [t(`role.${n.approver_role}`), n.approver_unit_name].filter(Boolean).join(' · ');
}

/** A refusal (rules.ts) in the user's words. */
export function refusalText(t: TFunction, refusal: NonNullable<Refusal>): string {
  switch (refusal.key) {
    case 'nomination.refused.decided':
      return t(refusal.key, { status: t(`nomination.status.${refusal.status}`) });
    case 'nomination.refused.notYourTurn':
      return t(refusal.key, {
        who: approverText(t, { approver_role: refusal.role, approver_unit_name: refusal.unit }),
      });
    default:
      return t(refusal.key);
  }
}
