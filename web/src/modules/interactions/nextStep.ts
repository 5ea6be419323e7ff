// Where a record's next step and request stand, and who may act on them (the server's rules
// in engagement_service.cc; it still decides).
import type { Interaction, Role } from '../../api/types';

export type NextStepState = 'none' | 'done' | 'overdue' | 'dueToday' | 'open' | 'undated';

/** `today` is a business day (YYYY-MM-DD), e.g. My day's `today`. */
export function nextStepState(
  i: Pick<Interaction, 'next_step' | 'next_step_due' | 'next_step_done_at'>,
  today: string,
): NextStepState {
  if (i.next_step === '') return 'none';
  if (i.next_step_done_at) return 'done';
  if (!i.next_step_due) return 'undated';
  if (i.next_step_due < today) return 'overdue';
  return i.next_step_due === today ? 'dueToday' : 'open';
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

type Me = { id: number; role: Role };

/** The recorder (or an administrator) changes and deletes a record's content. */
export function mayEdit(i: Pick<Interaction, 'recorded_by'>, me: Me): boolean {
  return me.role === 'admin' || i.recorded_by === me.id;
}

/** An open next step is completed by its owner, the recorder or an administrator. */
export function mayCompleteStep(
  i: Pick<Interaction, 'recorded_by' | 'next_step' | 'next_step_owner_id' | 'next_step_done_at'>,
  me: Me,
): boolean {
  if (i.next_step === '' || i.next_step_done_at) return false;
  return mayEdit(i, me) || i.next_step_owner_id === me.id;
}

/** An open request is handed on or closed by its first-contact owner or an administrator. */
export function mayHandOn(
  i: Pick<Interaction, 'is_request' | 'first_contact_owner_id' | 'request_closed_at'>,
  me: Me,
): boolean {
  if (!i.is_request || i.request_closed_at) return false;
  return me.role === 'admin' || i.first_contact_owner_id === me.id;
}

/** Today as the server counts business days: the date in China time (UTC+8, no DST). */
export function businessToday(now: number = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}
