// Audited changes as the dossier's history shows them: field names and values in words.
// Dossier, contact and nomination records all land in a customer's history.
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
      defaultValue: t(`nomination.field.${field}`, { defaultValue: field }),
    }),
  });
}

/** An audited value for reading: money in yuan, codes in words, units by name; "—" for none. */
export function displayValue(
  t: TFunction,
  field: string,
  value: string | null,
  unitName?: (id: number) => string | undefined,
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
      return (/^\d+$/.test(value) && unitName?.(Number(value))) || `#${value}`;
    default:
      return value;
  }
}
