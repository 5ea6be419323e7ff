// The cadence-rules form: one row per tier and the grace days, what is sent, where the
// server's problems land, and which tiers of the primary scheme have no rule.
import type { CadenceRules, CadenceRulesUpdate } from '../../api/types';
import { trimSpace } from '../validation/rules';

export type RuleRow = {
  tier: string;
  /** Empty (null) means no bound. */
  min_interval_days: number | null;
  max_contacts: number | null;
  period_days: number | null;
};

export type RulesFormValues = { rules: RuleRow[]; grace_days: number | null };

export const DEFAULT_PERIOD_DAYS = 7;
export const MAX_DAYS = 366;
export const MAX_CONTACTS = 1000;
export const MAX_GRACE_DAYS = 90;

export function emptyRow(tier = ''): RuleRow {
  return { tier, min_interval_days: null, max_contacts: null, period_days: DEFAULT_PERIOD_DAYS };
}

export function toRulesFormValues(r: CadenceRules): RulesFormValues {
  return {
    rules: r.rules.map((rule) => ({
      tier: rule.tier,
      min_interval_days: rule.min_interval_days,
      max_contacts: rule.max_contacts,
      period_days: rule.period_days,
    })),
    grace_days: r.grace_days,
  };
}

export function toRulesUpdate(v: RulesFormValues): CadenceRulesUpdate {
  return {
    rules: v.rules.map((row) => ({
      tier: trimSpace(row.tier),
      min_interval_days: row.min_interval_days ?? null,
      max_contacts: row.max_contacts ?? null,
      period_days: row.period_days ?? DEFAULT_PERIOD_DAYS,
    })),
    grace_days: v.grace_days ?? 0,
  };
}

/** Whether the form says the same as the stored rules (the server keeps them by tier). */
export function sameRules(v: RulesFormValues, stored: CadenceRules): boolean {
  const sent = toRulesUpdate(v);
  const byTier = (rules: CadenceRulesUpdate['rules']) =>
    JSON.stringify(
      [...rules]
        .sort((a, b) => (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0))
        .map((r) => [r.tier, r.min_interval_days, r.max_contacts, r.period_days]),
    );
  return sent.grace_days === stored.grace_days && byTier(sent.rules) === byTier(stored.rules);
}

/** Tiers given more than once (trimmed). */
export function duplicateTiers(rows: readonly Pick<RuleRow, 'tier'>[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { tier } of rows) {
    const code = trimSpace(tier ?? '');
    if (code === '') continue;
    if (seen.has(code)) twice.add(code);
    seen.add(code);
  }
  return twice;
}

/** The primary scheme's tiers that no row covers, in the scheme's order. */
export function missingTiers(
  rows: readonly Pick<RuleRow, 'tier'>[],
  primaryTiers: readonly string[],
): string[] {
  const covered = new Set(rows.map((r) => trimSpace(r.tier ?? '')));
  return primaryTiers.filter((tier) => !covered.has(tier));
}

/** A server field (`rules[2].tier`, `grace_days`) as a form path; null for `rules` itself. */
export function rulesFormPath(serverField: string): (string | number)[] | null {
  if (serverField === 'grace_days') return ['grace_days'];
  const m = /^rules\[(\d+)\]\.(tier|min_interval_days|max_contacts|period_days)$/.exec(serverField);
  return m ? ['rules', Number(m[1]), m[2] ?? ''] : null;
}
