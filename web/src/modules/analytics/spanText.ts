import type { TFunction } from 'i18next';
import { windowSpan, type Period } from './period';

/** The months of a window in words: "2025-11 至 2026-10", or just "2026-10" for one month. */
export function spanText(t: TFunction, period: Pick<Period, 'end' | 'months'>): string {
  const { from, to } = windowSpan(period);
  return from === to ? to : t('concentration.period', { from, to });
}
