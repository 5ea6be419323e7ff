// The visit-plan dialogs' values and what is sent: a new plan in full, a changed one as the
// fields that differ from the version read, a completed one as what its contact record says
// beyond the plan.
import dayjs, { type Dayjs } from 'dayjs';
import type {
  VisitPlan,
  VisitPlanComplete,
  VisitPlanCreate,
  VisitPlanPatch,
} from '../../api/types';
import { formFieldIn } from '../../app/fieldProblems';
import type { InteractionFormValues } from '../interactions/interactionForm';
import { trimSpace } from '../validation/rules';

/** Colleagues going along, at most (the server's bound, as for a contact record). */
export const MAX_PARTICIPANTS = 20;

export type VisitFormValues = {
  customer_id?: number | null;
  /** Empty: the planner visits (the server's default). */
  owner_id?: number | null;
  planned_on?: Dayjs | null;
  /** Empty: some time that day. */
  start_time?: Dayjs | null;
  purpose?: string;
  contact_ids?: number[];
  participant_ids?: number[];
};

export type VisitField = keyof VisitFormValues;

export const VISIT_FIELDS: readonly VisitField[] = [
  'customer_id',
  'owner_id',
  'planned_on',
  'start_time',
  'purpose',
  'contact_ids',
  'participant_ids',
];

const text = (s: string | undefined) => trimSpace(s ?? '');
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const time = (d: Dayjs | null | undefined) => (d ? d.format('HH:mm') : null);

/** `HH:MM` as a time of today, for a time picker; null for none. */
export function timeValue(hhmm: string | null): Dayjs | null {
  const m = hhmm ? /^(\d{2}):(\d{2})$/.exec(hhmm) : null;
  if (!m) return null;
  return dayjs().hour(Number(m[1])).minute(Number(m[2])).second(0).millisecond(0);
}

/** A new plan: for the customer, day and visitor given (the caller, unless named). */
export function newVisitValues(
  opts: { customerId?: number; day?: string; ownerId?: number } = {},
): VisitFormValues {
  return {
    customer_id: opts.customerId ?? null,
    owner_id: opts.ownerId ?? null,
    planned_on: opts.day ? dayjs(opts.day) : null,
    start_time: null,
    purpose: '',
    contact_ids: [],
    participant_ids: [],
  };
}

export function visitValuesOf(p: VisitPlan): VisitFormValues {
  return {
    customer_id: p.customer_id,
    owner_id: p.owner_id,
    planned_on: dayjs(p.planned_on),
    start_time: timeValue(p.start_time),
    purpose: p.purpose,
    contact_ids: p.contacts.map((c) => c.id),
    participant_ids: p.participants.map((u) => u.id),
  };
}

/** Where typing starts: the first required field still empty. */
export function firstEmptyVisitField(v: VisitFormValues): VisitField {
  if (v.customer_id == null) return 'customer_id';
  if (!v.planned_on) return 'planned_on';
  return 'purpose';
}

export function toVisitCreate(v: VisitFormValues): VisitPlanCreate {
  const body: VisitPlanCreate = {
    customer_id: v.customer_id ?? 0,
    planned_on: day(v.planned_on) ?? '',
    start_time: time(v.start_time),
    purpose: text(v.purpose),
    contact_ids: v.contact_ids ?? [],
    participant_ids: v.participant_ids ?? [],
  };
  if (v.owner_id != null) body.owner_id = v.owner_id;
  return body;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.length === y.length && x.every((id, k) => id === y[k]);
}

/** The fields that differ from `base`; empty when nothing changed. */
export function toVisitPatch(v: VisitFormValues, base: VisitPlan): VisitPlanPatch {
  const patch: VisitPlanPatch = {};
  const plannedOn = day(v.planned_on);
  if (plannedOn && plannedOn !== base.planned_on) patch.planned_on = plannedOn;
  if (time(v.start_time) !== base.start_time) patch.start_time = time(v.start_time);
  if (text(v.purpose) !== base.purpose) patch.purpose = text(v.purpose);
  // A visitor cannot be unset: without one the plan stays with its owner.
  if (v.owner_id != null && v.owner_id !== base.owner_id) patch.owner_id = v.owner_id;
  const contacts = v.contact_ids ?? [];
  if (
    !sameIds(
      contacts,
      base.contacts.map((c) => c.id),
    )
  )
    patch.contact_ids = contacts;
  const participants = v.participant_ids ?? [];
  if (
    !sameIds(
      participants,
      base.participants.map((u) => u.id),
    )
  )
    patch.participant_ids = participants;
  return patch;
}

export function visitFieldOf(serverField: string): VisitField | null {
  return formFieldIn(VISIT_FIELDS, serverField);
}

/** Completing a visit: what its contact record says beyond the plan. */
export type CompleteFormValues = Pick<
  InteractionFormValues,
  'summary' | 'outcome' | 'next_step' | 'next_step_due' | 'next_step_owner_id' | 'occurred_at'
> & { contact_ids?: number[]; participant_ids?: number[] };

export type CompleteField = keyof CompleteFormValues;

export const COMPLETE_FIELDS: readonly CompleteField[] = [
  'summary',
  'outcome',
  'contact_ids',
  'participant_ids',
  'next_step',
  'next_step_due',
  'next_step_owner_id',
  'occurred_at',
];

/** Prefilled from the plan: the contacts it meant to meet and the colleagues going along. */
export function completeValuesOf(p: VisitPlan): CompleteFormValues {
  return {
    summary: '',
    outcome: '',
    next_step: '',
    next_step_due: null,
    next_step_owner_id: null,
    occurred_at: null,
    contact_ids: p.contacts.map((c) => c.id),
    participant_ids: p.participants.map((u) => u.id),
  };
}

/**
 * The body of POST /visit-plans/{id}/complete. Left out, the record takes the plan's contacts
 * and participants and the server's time (the plan's day and start, or now when that is
 * later): only what differs is sent.
 */
export function toCompleteBody(v: CompleteFormValues, p: VisitPlan): VisitPlanComplete {
  const body: VisitPlanComplete = {
    summary: text(v.summary),
    outcome: text(v.outcome),
    next_step: text(v.next_step),
    next_step_due: day(v.next_step_due),
  };
  if (v.next_step_owner_id != null) body.next_step_owner_id = v.next_step_owner_id;
  if (v.occurred_at) body.occurred_at = v.occurred_at.toISOString();
  const contacts = v.contact_ids ?? [];
  if (
    !sameIds(
      contacts,
      p.contacts.map((c) => c.id),
    )
  )
    body.contact_ids = contacts;
  const participants = v.participant_ids ?? [];
  if (
    !sameIds(
      participants,
      p.participants.map((u) => u.id),
    )
  )
    body.participant_ids = participants;
  return body;
}

export function completeFieldOf(serverField: string): CompleteField | null {
  return formFieldIn(COMPLETE_FIELDS, serverField);
}
