// Audited changes as the dossier's history shows them: field names and values in words.
// Dossier, contact, account-team and nomination records all land in a customer's history.
import type { TFunction } from 'i18next';
import { formatFen } from '../customers/money';
import { tierLabel } from '../tiering/labels';

/** Dossier fields whose values are codes with words (customer.<field>.<code>). */
const CUSTOMER_ENUMS = new Set([
  'stage',
  'ownership',
  'scale',
  'potential',
  'relationship_stage',
  'loyalty',
  'credit_rating',
]);

export function fieldLabel(t: TFunction, field: string): string {
  return t(`customer.field.${field}`, {
    defaultValue: t(`contact.field.${field}`, {
      defaultValue: t(`nomination.field.${field}`, {
        defaultValue: t(`accountTeam.field.${field}`, { defaultValue: field }),
      }),
    }),
  });
}

/** An account-team change's `member` value: "<user id>:<team role>" when added, "<user id>" when removed. */
export function parseMember(value: string): { userId: number; teamRole: string | null } | null {
  const m = /^(\d+)(?::([a-z_]+))?$/.exec(value);
  return m ? { userId: Number(m[1]), teamRole: m[2] ?? null } : null;
}

/** How the history names things it holds only by id. */
export type Names = {
  unit?: (id: number) => string | undefined;
  user?: (id: number) => string | undefined;
};

/** An audited value for reading: money in yuan, codes in words, units and users by name; "—" for none. */
export function displayValue(
  t: TFunction,
  field: string,
  value: string | null,
  names: Names = {},
): string {
  if (value === null || value === '') return '—';
  if (field.endsWith('_fen') && /^-?\d+$/.test(value)) return formatFen(Number(value));
  if (CUSTOMER_ENUMS.has(field)) return t(`customer.${field}.${value}`, { defaultValue: value });
  switch (field) {
    case 'buying_role':
      return t(`contact.buyingRole.${value}`, { defaultValue: value });
    case 'status':
      return t(`nomination.status.${value}`, { defaultValue: value });
    case 'approver_role':
      return t(`role.${value}`, { defaultValue: value });
    case 'proposed_tier':
      return tierLabel(t, value);
    case 'approver_unit_id':
    case 'org_unit_id':
      return (/^\d+$/.test(value) && names.unit?.(Number(value))) || `#${value}`;
    case 'member': {
      const member = parseMember(value);
      if (!member) return value;
      const who =
        names.user?.(member.userId) ?? t('accountTeam.userNumber', { id: String(member.userId) });
      if (!member.teamRole) return who;
      const role = t(`accountTeam.role.${member.teamRole}`, { defaultValue: member.teamRole });
      return `${who} · ${role}`;
    }
    default:
      return value;
  }
}
