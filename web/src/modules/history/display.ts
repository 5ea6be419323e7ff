// Audited changes as the dossier's history shows them: field names and values in words.
// Dossier, contact, account-team, nomination, contact-record and cadence changes all land
// in a customer's history.
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../ui/format';
import { parseAuditedRule, ruleText } from '../cadence/describe';
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

const LABEL_PREFIXES = [
  'customer.field',
  'contact.field',
  'nomination.field',
  'accountTeam.field',
  'interaction.field',
  'history.field',
];

export function fieldLabel(t: TFunction, field: string): string {
  return LABEL_PREFIXES.reduceRight(
    (fallback, prefix) => t(`${prefix}.${field}`, { defaultValue: fallback }),
    field,
  );
}

/** Contact-record fields that hold a user's id, and those that hold a list of ids. */
const USER_FIELDS = new Set(['next_step_owner_id', 'first_contact_owner_id']);
const TIME_FIELDS = new Set(['occurred_at', 'next_step_done_at', 'request_closed_at']);

/** The user ids a change names (account-team members, next-step owners, participants). */
export function userIdsOf(field: string, value: string | null): number[] {
  if (!value) return [];
  if (field === 'member') {
    const member = parseMember(value);
    return member ? [member.userId] : [];
  }
  if (USER_FIELDS.has(field) || field === 'participant_ids') {
    return value
      .split(',')
      .filter((id) => /^\d+$/.test(id))
      .map(Number);
  }
  return [];
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
  contact?: (id: number) => string | undefined;
};

/** An audited value for reading: money in yuan, codes in words, units and users by name; "—" for none. */
export function displayValue(
  t: TFunction,
  field: string,
  value: string | null,
  names: Names = {},
): string {
  // An account without a rule of its own follows its tier's.
  if (field === 'cadence' && value === null) return t('history.cadenceByTier');
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
    case 'channel':
      return t(`interaction.channel.${value}`, { defaultValue: value });
    case 'is_request':
      return value === 'true' ? t('common.yes') : value === 'false' ? t('common.no') : value;
    case 'next_step_owner_id':
    case 'first_contact_owner_id':
    case 'participant_ids':
    case 'contact_ids': {
      const named = field === 'contact_ids' ? names.contact : names.user;
      return value
        .split(',')
        .map((id) => (/^\d+$/.test(id) && named?.(Number(id))) || `#${id}`)
        .join(t('common.listSeparator'));
    }
    case 'cadence': {
      if (value === 'own') return t('cadence.card.own');
      const bounds = parseAuditedRule(value);
      return bounds ? ruleText(t, bounds) : value;
    }
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
      return TIME_FIELDS.has(field) ? formatDateTime(value) : value;
  }
}

/** A change worth showing: one side holds something (records written whole list every field). */
export function isShownChange(c: { before: string | null; after: string | null }): boolean {
  return !((c.before ?? '') === '' && (c.after ?? '') === '');
}
