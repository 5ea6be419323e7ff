// What the console makes of a nomination, as pure functions (tested in rules.test.ts): who
// may do what with it now, how a refusal reads, its steps by submission, its metrics. The
// server's rules (server/src/core/nominations/nomination_service.cc) stay the judge.
import { isApiError } from '../../api/client';
import type {
  Nomination,
  NominationMetrics,
  NominationStep,
  NominationStatus,
  Role,
  User,
} from '../../api/types';
import { formatFen } from '../customers/money';

export type Me = Pick<User, 'id' | 'role' | 'org_unit_id'>;

export type Actions = {
  /** Approve or reject at the current level. */
  decide: boolean;
  withdraw: boolean;
  /** Change and submit again (only a rejected request, only its nominator). */
  resubmit: boolean;
};

/** Whether `me` approved the request's current submission already (deciding again is 409). */
export function approvedByMe(n: Nomination, me: Me): boolean {
  return n.steps.some(
    (s) => s.submission === n.submissions && s.action === 'approve' && s.actor_id === me.id,
  );
}

/** The buttons a nomination offers `me`, mirroring who the server lets decide. */
export function nominationActions(n: Nomination, me: Me): Actions {
  const pending = n.status === 'pending';
  const nominator = n.nominator_id === me.id;
  const decider =
    me.role === 'admin' ||
    (n.approver_role === me.role &&
      n.approver_unit_id !== null &&
      n.approver_unit_id === me.org_unit_id);
  return {
    decide: pending && !nominator && decider && !approvedByMe(n, me),
    withdraw: pending && (nominator || me.role === 'admin'),
    resubmit: n.status === 'rejected' && nominator,
  };
}

/** A refusal in words: an i18n key and what it needs. */
export type Refusal =
  | { key: 'nomination.refused.decided'; status: NominationStatus }
  | { key: 'nomination.refused.alreadyApproved' }
  | { key: 'nomination.refused.own' }
  | { key: 'nomination.refused.notYourTurn'; role: Role | null; unit: string | null }
  | { key: 'nomination.refused.gone' }
  | { key: 'nomination.refused.createConflict' }
  | { key: 'nomination.refused.resubmitConflict' }
  | null;

export type Attempt = 'create' | 'decide' | 'withdraw' | 'resubmit';

/**
 * Why the server refused (403, 404, 409), told from the request as it is now (`latest`,
 * read again after the refusal). Null for other errors: those read as usual.
 */
export function describeRefusal(
  error: unknown,
  attempt: Attempt,
  me: Me,
  latest?: Nomination | null,
): Refusal {
  if (!isApiError(error)) return null;
  if (error.status === 404 && attempt !== 'create') return { key: 'nomination.refused.gone' };
  if (error.status === 409) {
    if (attempt === 'create') return { key: 'nomination.refused.createConflict' };
    if (latest && attempt === 'resubmit' && latest.status === 'rejected') {
      return { key: 'nomination.refused.resubmitConflict' };
    }
    if (latest && latest.status !== 'pending') {
      return { key: 'nomination.refused.decided', status: latest.status };
    }
    if (attempt === 'decide') return { key: 'nomination.refused.alreadyApproved' };
    return null;
  }
  if (error.status === 403 && attempt === 'decide' && latest) {
    if (latest.nominator_id === me.id) return { key: 'nomination.refused.own' };
    if (latest.status === 'pending') {
      return {
        key: 'nomination.refused.notYourTurn',
        role: latest.approver_role,
        unit: latest.approver_unit_name,
      };
    }
    return { key: 'nomination.refused.decided', status: latest.status };
  }
  return null;
}

export type Submission = { submission: number; steps: NominationStep[] };

/** Steps grouped by submission, oldest first, as the timeline shows them. */
export function stepsBySubmission(steps: readonly NominationStep[]): Submission[] {
  const groups = new Map<number, NominationStep[]>();
  for (const s of steps) {
    const group = groups.get(s.submission);
    if (group) group.push(s);
    else groups.set(s.submission, [s]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([submission, group]) => ({
      submission,
      steps: [...group].sort((x, y) => x.at.localeCompare(y.at) || x.id - y.id),
    }));
}

/** The figures of the 12 months before (re)submission, for reading: yuan and counts. */
export function formatMetrics(m: NominationMetrics): {
  revenue: string;
  orders: string;
  margin: string;
} {
  return {
    revenue: formatFen(m.revenue_12m_fen),
    orders: m.orders_12m.toLocaleString('en-US'),
    margin: formatFen(m.margin_12m_fen),
  };
}

/** Level k of n, or null once the request is decided. */
export function levelOf(n: Pick<Nomination, 'status' | 'level' | 'levels'>): {
  level: number;
  levels: number;
} | null {
  return n.status === 'pending' ? { level: n.level, levels: n.levels } : null;
}
