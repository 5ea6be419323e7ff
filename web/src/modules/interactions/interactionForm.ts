// The contact-record form's values and what is sent: a new record in full, a changed one
// as the fields that differ from the version read.
import dayjs, { type Dayjs } from 'dayjs';
import type { Channel, Interaction, InteractionCreate, InteractionPatch } from '../../api/types';
import { formFieldIn } from '../../app/fieldProblems';
import { trimSpace } from '../validation/rules';

export type InteractionFormValues = {
  customer_id?: number | null;
  channel?: Channel | null;
  purpose?: string;
  summary?: string;
  outcome?: string;
  next_step?: string;
  next_step_due?: Dayjs | null;
  /** Empty: the recorder does it (the server's default). */
  next_step_owner_id?: number | null;
  contact_ids?: number[];
  occurred_at?: Dayjs | null;
  is_request?: boolean;
};

export type InteractionField = keyof InteractionFormValues;

/** The form's fields in the order they are shown; the server's problems land on these. */
export const INTERACTION_FIELDS: readonly InteractionField[] = [
  'customer_id',
  'channel',
  'purpose',
  'summary',
  'outcome',
  'contact_ids',
  'next_step',
  'next_step_due',
  'next_step_owner_id',
  'occurred_at',
  'is_request',
];

const REQUIRED: readonly InteractionField[] = ['customer_id', 'channel', 'purpose'];

/** Where typing should start: the first required field still empty, else the purpose. */
export function firstEmptyRequired(values: InteractionFormValues): InteractionField {
  return (
    REQUIRED.find((f) => {
      const v = values[f];
      return v == null || (typeof v === 'string' && trimSpace(v) === '');
    }) ?? 'purpose'
  );
}

/** A new record's values: now, the channel most contacts use, and the customer if known. */
export function newFormValues(customerId?: number, now: Dayjs = dayjs()): InteractionFormValues {
  return {
    customer_id: customerId ?? null,
    channel: 'visit',
    purpose: '',
    contact_ids: [],
    occurred_at: now,
    is_request: false,
  };
}

export function formValuesOf(i: Interaction): InteractionFormValues {
  return {
    customer_id: i.customer_id,
    channel: i.channel,
    purpose: i.purpose,
    summary: i.summary,
    outcome: i.outcome,
    next_step: i.next_step,
    next_step_due: i.next_step_due ? dayjs(i.next_step_due, 'YYYY-MM-DD') : null,
    next_step_owner_id: i.next_step_owner_id,
    contact_ids: i.contacts.map((c) => c.id),
    occurred_at: dayjs(i.occurred_at),
    is_request: i.is_request,
  };
}

const text = (s: string | undefined) => trimSpace(s ?? '');
const date = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function toCreateBody(v: InteractionFormValues): InteractionCreate {
  const body: InteractionCreate = {
    customer_id: v.customer_id ?? 0,
    channel: v.channel ?? 'other',
    purpose: text(v.purpose),
    summary: text(v.summary),
    outcome: text(v.outcome),
    next_step: text(v.next_step),
    next_step_due: date(v.next_step_due),
    contact_ids: v.contact_ids ?? [],
    is_request: v.is_request ?? false,
  };
  if (v.next_step_owner_id != null) body.next_step_owner_id = v.next_step_owner_id;
  if (v.occurred_at) body.occurred_at = v.occurred_at.toISOString();
  return body;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.length === y.length && x.every((id, k) => id === y[k]);
}

/** The content fields that differ from `base`; empty when nothing changed. */
export function toPatch(v: InteractionFormValues, base: Interaction): InteractionPatch {
  const patch: InteractionPatch = {};
  if (v.channel && v.channel !== base.channel) patch.channel = v.channel;
  for (const f of ['purpose', 'summary', 'outcome', 'next_step'] as const) {
    if (text(v[f]) !== base[f]) patch[f] = text(v[f]);
  }
  if (date(v.next_step_due) !== base.next_step_due) patch.next_step_due = date(v.next_step_due);
  // An owner cannot be unset: without one the server names the recorder.
  if (v.next_step_owner_id != null && v.next_step_owner_id !== base.next_step_owner_id) {
    patch.next_step_owner_id = v.next_step_owner_id;
  }
  if (v.occurred_at && v.occurred_at.valueOf() !== dayjs(base.occurred_at).valueOf()) {
    patch.occurred_at = v.occurred_at.toISOString();
  }
  const contacts = v.contact_ids ?? [];
  if (
    !sameIds(
      contacts,
      base.contacts.map((c) => c.id),
    )
  )
    patch.contact_ids = contacts;
  return patch;
}

/**
 * The form field a server problem belongs to: `contact_ids[2]` → `contact_ids`; null for a
 * field the form does not show (e.g. `participant_ids`).
 */
export function formFieldOf(serverField: string): InteractionField | null {
  return formFieldIn(INTERACTION_FIELDS, serverField);
}
