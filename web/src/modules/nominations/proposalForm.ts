// Between a request form (reason, tier, pinned until) and the API's bodies: for a new
// request, and for a rejected one submitted again with only what changed.
import type {
  Nomination,
  NominationCreate,
  NominationKind,
  NominationResubmit,
} from '../../api/types';
import { trimSpace } from '../validation/rules';

/** The tier select's value for "no tier" (a change that revokes). */
export const REVOKE = '__revoke__';

export type ProposalValues = {
  reason?: string;
  /** A tier of the scheme, REVOKE (change only), or nothing (nominate: no tier proposed). */
  tier?: string;
  /** "YYYY-MM-DD"; empty: the server's default (a year after the decision). */
  pinnedUntil?: string;
};

function tierOf(values: ProposalValues): string | null | undefined {
  if (values.tier === undefined || values.tier === '') return undefined;
  return values.tier === REVOKE ? null : values.tier;
}

/** The body of POST /nominations. A nomination without a proposed tier has no pin either. */
export function createBody(
  customerId: number,
  kind: NominationKind,
  values: ProposalValues,
  schemeId?: number,
): NominationCreate {
  const body: NominationCreate = {
    customer_id: customerId,
    kind,
    reason: trimSpace(values.reason ?? ''),
  };
  const tier = tierOf(values);
  if (kind === 'change') {
    body.scheme_id = schemeId ?? null;
    body.proposed_tier = tier ?? null;
  } else if (tier !== undefined) {
    body.proposed_tier = tier;
  }
  if ((kind === 'change' || tier !== undefined) && values.pinnedUntil) {
    body.pinned_until = values.pinnedUntil;
  }
  return body;
}

/** A request's values as its edit form shows them. */
export function proposalValues(n: Nomination): ProposalValues {
  return {
    reason: n.reason,
    tier: n.proposed_tier ?? (n.kind === 'change' ? REVOKE : undefined),
    pinnedUntil: n.pinned_until ?? '',
  };
}

/** What changed since the rejected request; empty when nothing did (the server says 409). */
export function resubmitChanges(n: Nomination, values: ProposalValues): NominationResubmit {
  const changes: NominationResubmit = {};
  const reason = trimSpace(values.reason ?? '');
  if (reason !== n.reason) changes.reason = reason;
  const tier = tierOf(values) ?? null;
  if (tier !== n.proposed_tier) changes.proposed_tier = tier;
  // A nomination without a proposed tier has no pin to keep.
  const pinned = n.kind === 'change' || tier !== null;
  const pin = pinned && values.pinnedUntil ? values.pinnedUntil : null;
  if (pin !== n.pinned_until) changes.pinned_until = pin;
  return changes;
}
