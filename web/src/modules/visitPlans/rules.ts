// Who may do what with a visit plan, and how plans are ordered: the server's rules (the
// visit-plans operations of the OpenAPI document), mirrored to show only the buttons that
// work. The server still decides.
import type { Role, VisitPlan, VisitStatus } from '../../api/types';

type Me = { id: number; role: Role };
type PlanPeople = Pick<VisitPlan, 'status' | 'owner_id' | 'created_by'>;

export const VISIT_STATUSES: readonly VisitStatus[] = [
  'planned',
  'missed',
  'completed',
  'cancelled',
];

/** Planned, or missed (its day passed without a visit): it may still change or be done. */
export function isOpen(plan: Pick<VisitPlan, 'status'>): boolean {
  return plan.status === 'planned' || plan.status === 'missed';
}

/**
 * Rescheduled, changed or cancelled by its owner, its planner, a director (over the owner:
 * the server knows whose) or an administrator, while open.
 */
export function mayChangePlan(plan: PlanPeople, me: Me): boolean {
  if (!isOpen(plan)) return false;
  return (
    me.role === 'admin' ||
    me.role === 'director' ||
    plan.owner_id === me.id ||
    plan.created_by === me.id
  );
}

/** Completed (its contact record written) by its owner or an administrator, while open. */
export function mayCompletePlan(plan: PlanPeople, me: Me): boolean {
  return isOpen(plan) && (me.role === 'admin' || plan.owner_id === me.id);
}

/** By day, then start time; plans for "some time that day" after the timed ones. */
export function comparePlans(
  a: Pick<VisitPlan, 'planned_on' | 'start_time' | 'id'>,
  b: Pick<VisitPlan, 'planned_on' | 'start_time' | 'id'>,
): number {
  if (a.planned_on !== b.planned_on) return a.planned_on < b.planned_on ? -1 : 1;
  const x = a.start_time ?? '99:99';
  const y = b.start_time ?? '99:99';
  if (x !== y) return x < y ? -1 : 1;
  return a.id - b.id;
}

/** Plans by their day, each day's in order. */
export function plansByDay<P extends Pick<VisitPlan, 'planned_on' | 'start_time' | 'id'>>(
  plans: readonly P[],
): Map<string, P[]> {
  const byDay = new Map<string, P[]>();
  for (const p of [...plans].sort(comparePlans)) {
    byDay.set(p.planned_on, [...(byDay.get(p.planned_on) ?? []), p]);
  }
  return byDay;
}

/** A customer's plans: those to come first (soonest first), then the earlier ones (latest first). */
export function splitByToday<P extends Pick<VisitPlan, 'planned_on' | 'start_time' | 'id'>>(
  plans: readonly P[],
  today: string,
): { coming: P[]; earlier: P[] } {
  const sorted = [...plans].sort(comparePlans);
  return {
    coming: sorted.filter((p) => p.planned_on >= today),
    earlier: sorted.filter((p) => p.planned_on < today).reverse(),
  };
}
