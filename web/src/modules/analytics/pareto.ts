// The Pareto chart and its figures from GET /analytics/concentration, as pure functions
// (tested in pareto.test.ts). The API gives the curve, not the customers: share_bp[k] is the
// share of the total (basis points) made by the largest k% of the N customers with a positive
// amount, k% rounded up to whole customers (server/src/core/tiering/concentration.cc).
import type { Concentration } from '../../api/types';

/**
 * One bar: the largest customers' ranks `firstRank`..`lastRank` (1 = largest), the share of
 * the total they make, and the share made by everyone up to them.
 */
export type ParetoBar = {
  firstRank: number;
  lastRank: number;
  shareBp: number;
  cumulativeBp: number;
};

export type ParetoChart = {
  /** `customer`: one bar per customer (N ≤ 100); `percentile`: one bar per 1% of them. */
  by: 'customer' | 'percentile';
  bars: ParetoBar[];
  /** The bar where the cumulative share reaches 80%; null without customers. */
  bar80: number | null;
};

/** Customers among the largest k% of n (the server's rounding: up to whole customers). */
export function customersInTop(n: number, percent: number): number {
  return Math.ceil((n * percent) / 100);
}

/** The smallest k whose largest k% of n customers include rank `rank` (1 ≤ rank ≤ n). */
function percentileOf(n: number, rank: number): number {
  return Math.floor((100 * (rank - 1)) / n) + 1;
}

/**
 * The bars, largest first. With at most 100 customers each customer is one bar, its share
 * read from the curve exactly (to the basis point); with more, each bar is 1% of them.
 */
export function paretoChart(c: Concentration): ParetoChart {
  const n = c.customers;
  const curve = c.share_bp;
  if (n <= 0 || curve.length !== 101) return { by: 'customer', bars: [], bar80: null };
  const bars: ParetoBar[] = [];
  const by = n <= 100 ? 'customer' : 'percentile';
  if (by === 'customer') {
    let before = 0;
    for (let rank = 1; rank <= n; rank++) {
      const cumulative = curve[percentileOf(n, rank)] ?? 0;
      bars.push({
        firstRank: rank,
        lastRank: rank,
        shareBp: cumulative - before,
        cumulativeBp: cumulative,
      });
      before = cumulative;
    }
  } else {
    for (let k = 1; k <= 100; k++) {
      const cumulative = curve[k] ?? 0;
      bars.push({
        firstRank: customersInTop(n, k - 1) + 1,
        lastRank: customersInTop(n, k),
        shareBp: cumulative - (curve[k - 1] ?? 0),
        cumulativeBp: cumulative,
      });
    }
  }
  const m = c.customers_for_80_percent;
  const bar80 = m < 1 ? null : by === 'customer' ? m - 1 : percentileOf(n, m) - 1;
  return { by, bars, bar80 };
}

/** A row of the "largest customers" table: the top `percent`% and the share they make. */
export type TopShare = { percent: number; customers: number; shareBp: number };

export const TOP_PERCENTS = [1, 5, 10, 20, 50] as const;

export function topShares(
  c: Concentration,
  percents: readonly number[] = TOP_PERCENTS,
): TopShare[] {
  if (c.customers <= 0) return [];
  return percents.map((percent) => ({
    percent,
    customers: customersInTop(c.customers, percent),
    shareBp: c.share_bp[percent] ?? 0,
  }));
}

/** Basis points as a percentage with one decimal: 8012 → "80.1%". */
export function formatBp(bp: number): string {
  return `${(bp / 100).toFixed(1)}%`;
}

/** `part` of `whole` as a percentage with one decimal: (3, 40) → "7.5%". */
export function formatPercentOf(part: number, whole: number): string {
  return whole > 0 ? `${((part * 100) / whole).toFixed(1)}%` : '—';
}
