// Contact cadence in words: a rule ("at least one contact every 14 days; at most 3 within
// any 7 days"), a breach ("12 days overdue"), and which rule judges an account.
import type { TFunction } from 'i18next';
import type { CadenceBounds, CadenceBreach, CadenceRule } from '../../api/types';

export type Bounds = Pick<CadenceBounds, 'min_interval_days' | 'max_contacts' | 'period_days'>;

export function ruleText(t: TFunction, b: Bounds): string {
  const min = b.min_interval_days;
  const max = b.max_contacts;
  if (min != null && max != null) {
    return t('cadence.rule.both', { count: min, max, period: b.period_days });
  }
  if (min != null) return t('cadence.rule.min', { count: min });
  if (max != null) return t('cadence.rule.max', { count: b.period_days, max });
  return t('cadence.rule.none');
}

export function breachText(
  t: TFunction,
  b: Pick<
    CadenceBreach,
    'kind' | 'days_overdue' | 'contacts_in_period' | 'period_days' | 'max_contacts'
  >,
): string {
  return b.kind === 'overdue'
    ? t('cadence.overdueDays', { count: b.days_overdue })
    : t('cadence.overContacted', {
        count: b.contacts_in_period,
        period: b.period_days,
        max: b.max_contacts ?? 0,
      });
}

export type RuleInEffect = { source: 'own' | 'tier'; bounds: Bounds } | null;

/** The rule an account is judged by: its own, else its tier's (GET /cadence-rules); none else. */
export function ruleInEffect(
  own: Bounds | null | undefined,
  tier: string | null,
  rules: readonly CadenceRule[] | undefined,
): RuleInEffect {
  if (own) return { source: 'own', bounds: own };
  const byTier = tier ? rules?.find((r) => r.tier === tier) : undefined;
  return byTier ? { source: 'tier', bounds: byTier } : null;
}

/**
 * A rule as the audit log writes it: "14/3/7" (min interval / max contacts / period days,
 * "-" for no bound); null for anything else.
 */
export function parseAuditedRule(value: string): Bounds | null {
  const m = /^(\d+|-)\/(\d+|-)\/(\d+)$/.exec(value);
  if (!m) return null;
  const bound = (s: string | undefined) => (s === undefined || s === '-' ? null : Number(s));
  return {
    min_interval_days: bound(m[1]),
    max_contacts: bound(m[2]),
    period_days: Number(m[3]),
  };
}
