// The contract form's values and the bodies sent for them. Dates are picked as days; the
// value is typed in yuan and sent as exact fen (customers/money.ts).
import dayjs, { type Dayjs } from 'dayjs';
import type { Contract, ContractCreate, ContractPatch } from '../../api/types';
import { fenToYuan, yuanToFen } from '../customers/money';
import { trimSpace } from '../validation/rules';

export type ContractFormValues = {
  number: string;
  title: string;
  signed_on: Dayjs | null;
  starts_on: Dayjs | null;
  ends_on: Dayjs | null;
  /** Yuan, as typed (up to two decimals); empty when not stated. */
  amount: string;
  notes: string;
};

export const CONTRACT_FIELDS = [
  'number',
  'title',
  'signed_on',
  'starts_on',
  'ends_on',
  'amount_fen',
  'notes',
] as const;
type ServerField = (typeof CONTRACT_FIELDS)[number];

/** The form field that shows a server field's problem (`amount_fen` → `amount`). */
export function contractFieldOf(serverField: string): keyof ContractFormValues | null {
  if (serverField === 'amount_fen') return 'amount';
  const known = CONTRACT_FIELDS.find((f) => f === serverField);
  return known && known !== 'amount_fen' ? known : null;
}

const day = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
const dayjsOf = (s: string | null) => (s ? dayjs(s, 'YYYY-MM-DD') : null);

export function newContractValues(): ContractFormValues {
  return {
    number: '',
    title: '',
    signed_on: null,
    starts_on: null,
    ends_on: null,
    amount: '',
    notes: '',
  };
}

export function contractValuesOf(c: Contract): ContractFormValues {
  return {
    number: c.number,
    title: c.title,
    signed_on: dayjsOf(c.signed_on),
    starts_on: dayjsOf(c.starts_on),
    ends_on: dayjsOf(c.ends_on),
    amount: c.amount_fen === null ? '' : fenToYuan(c.amount_fen),
    notes: c.notes,
  };
}

/** The body for a new contract; the form has checked the fields (amount included). */
export function toContractCreate(v: ContractFormValues): ContractCreate {
  const amount = trimSpace(v.amount ?? '');
  return {
    number: trimSpace(v.number),
    title: trimSpace(v.title),
    signed_on: day(v.signed_on),
    starts_on: day(v.starts_on) ?? '',
    ends_on: day(v.ends_on),
    amount_fen: amount === '' ? null : yuanToFen(amount),
    notes: trimSpace(v.notes ?? ''),
  };
}

/** Only what differs from the contract read: what another user changed meanwhile stands. */
export function toContractPatch(v: ContractFormValues, base: Contract): ContractPatch {
  const body = toContractCreate(v);
  const patch: ContractPatch = {};
  for (const f of CONTRACT_FIELDS) {
    const value = body[f as ServerField];
    if (value !== base[f]) Object.assign(patch, { [f]: value });
  }
  return patch;
}
