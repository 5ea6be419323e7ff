import type { TFunction } from 'i18next';
import { formatFen } from '../customers/money';
import { isMoneyMetric, type CompareOp, type Metric, type SchemeDefinition } from './definition';

/** A tier's name in the console's words when it is a known code ("strategic", "5star"). */
export function tierLabel(t: TFunction, tier: string): string {
  return t(`customer.tier.${tier}`, { defaultValue: tier });
}

/** A definition in one line: what it measures and where its tiers begin. */
export function describeDefinition(t: TFunction, d: SchemeDefinition): string {
  const metric = (m: Metric) => t(`tiering.metric.${m}`);
  const months = (n: number) => t('tiering.summary.months', { count: n });
  const sep = t('common.listSeparator');
  switch (d.kind) {
    case 'abc':
      return [
        `${metric(d.metric)} · ${months(d.window_months)}`,
        d.tiers
          .map((tier, i) => (i < d.cuts_percent.length ? `${tier} ≤ ${d.cuts_percent[i]}%` : tier))
          .join(sep),
      ].join(' · ');
    case 'stars':
      return [
        `${metric(d.metric)} · ${t('tiering.summary.inARow', { count: d.months })}`,
        d.levels.map((l) => `${tierLabel(t, l.tier)} ≥ ${formatFen(l.min_fen)}`).join(sep),
      ].join(' · ');
    case 'rules':
      return d.tiers
        .map((tier) => {
          const conditions = tier.all ?? tier.any ?? [];
          const joiner = tier.all ? t('tiering.summary.and') : t('tiering.summary.or');
          return `${tierLabel(t, tier.tier)}: ${conditions
            .map(
              (c) =>
                `${metric(c.metric)} ${months(c.window_months)} ${OP_SYMBOLS[c.op]} ${
                  isMoneyMetric(c.metric) ? formatFen(c.value_fen ?? 0) : String(c.value ?? 0)
                }`,
            )
            .join(joiner)}`;
        })
        .join('; ');
  }
}

export const OP_SYMBOLS: Record<CompareOp, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
  '!=': '≠',
};
