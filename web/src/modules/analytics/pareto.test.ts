import { describe, expect, it } from 'vitest';
import type { Concentration } from '../../api/types';
import { customersInTop, formatBp, formatPercentOf, paretoChart, topShares } from './pareto';

/** The server's curve (server/src/core/tiering/concentration.cc), to check the console against. */
function concentrationOf(amounts: number[]): Concentration {
  const sorted = amounts.filter((a) => a > 0).sort((a, b) => b - a);
  const n = sorted.length;
  const cumulative = [0];
  for (const a of sorted) cumulative.push((cumulative.at(-1) ?? 0) + a);
  const total = cumulative[n] ?? 0;
  const share_bp = Array.from({ length: 101 }, (_, k) =>
    total > 0 ? Math.floor(((cumulative[Math.ceil((n * k) / 100)] ?? 0) * 10000) / total) : 0,
  );
  const for80 = total > 0 ? cumulative.findIndex((c) => c * 10 >= total * 8) : 0;
  return {
    metric: 'revenue',
    customers: n,
    total,
    share_bp,
    customers_for_80_percent: for80,
    top: [],
  };
}

describe('the Pareto chart from the curve', () => {
  it('gives each of up to 100 customers a bar, largest first, with its share', () => {
    const amounts = [5000, 2500, 1000, 1000, 500]; // of 10 000
    const chart = paretoChart(concentrationOf(amounts));
    expect(chart.by).toBe('customer');
    expect(chart.bars.map((b) => b.shareBp)).toEqual([5000, 2500, 1000, 1000, 500]);
    expect(chart.bars.map((b) => b.cumulativeBp)).toEqual([5000, 7500, 8500, 9500, 10000]);
    expect(chart.bars.map((b) => [b.firstRank, b.lastRank])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
    // 50% + 25% < 80%: the third customer crosses the line.
    expect(chart.bar80).toBe(2);
  });

  it.each([1, 2, 3, 7, 37, 99, 100])(
    'reads every share of %i customers back to the basis point',
    (n) => {
      const amounts = Array.from({ length: n }, (_, i) => 1000 + ((i * 7919) % 997) * 13);
      const c = concentrationOf(amounts);
      const chart = paretoChart(c);
      expect(chart.bars).toHaveLength(n);
      const total = amounts.reduce((a, b) => a + b, 0);
      const exact = [...amounts].sort((a, b) => b - a).map((a) => (a * 10000) / total);
      chart.bars.forEach((bar, i) =>
        expect(Math.abs(bar.shareBp - (exact[i] ?? 0))).toBeLessThan(1),
      );
      expect(chart.bars.at(-1)?.cumulativeBp).toBe(10000);
      expect(chart.bar80).toBe(c.customers_for_80_percent - 1);
    },
  );

  it('gives more than 100 customers one bar per 1%, covering every customer once', () => {
    const amounts = Array.from({ length: 250 }, (_, i) => Math.round(1e6 / (i + 1)));
    const c = concentrationOf(amounts);
    const chart = paretoChart(c);
    expect(chart.by).toBe('percentile');
    expect(chart.bars).toHaveLength(100);
    expect(chart.bars[0]).toMatchObject({ firstRank: 1, lastRank: 3 });
    chart.bars
      .slice(1)
      .forEach((bar, i) => expect(bar.firstRank).toBe((chart.bars[i]?.lastRank ?? 0) + 1));
    expect(chart.bars.at(-1)?.lastRank).toBe(250);
    expect(chart.bars.reduce((sum, b) => sum + b.shareBp, 0)).toBe(10000);
    // The marked bar holds the customer that takes the total to 80%.
    const marked = chart.bars[chart.bar80 ?? -1];
    expect(marked?.firstRank).toBeLessThanOrEqual(c.customers_for_80_percent);
    expect(marked?.lastRank).toBeGreaterThanOrEqual(c.customers_for_80_percent);
    expect(marked?.cumulativeBp).toBeGreaterThanOrEqual(8000);
    expect(chart.bars[(chart.bar80 ?? 0) - 1]?.cumulativeBp).toBeLessThan(8000);
  });

  it('has no bars and no marker without customers', () => {
    expect(paretoChart(concentrationOf([]))).toEqual({ by: 'customer', bars: [], bar80: null });
    expect(topShares(concentrationOf([0, -5]))).toEqual([]);
  });
});

describe('the largest customers’ shares', () => {
  it('rounds up to whole customers, as the server does', () => {
    expect(customersInTop(250, 1)).toBe(3);
    expect(customersInTop(5, 1)).toBe(1);
    expect(customersInTop(5, 50)).toBe(3);
    expect(customersInTop(5, 100)).toBe(5);
  });

  it('reads each row from the curve', () => {
    const c = concentrationOf([5000, 2500, 1000, 1000, 500]);
    expect(topShares(c, [1, 20, 50])).toEqual([
      { percent: 1, customers: 1, shareBp: 5000 },
      { percent: 20, customers: 1, shareBp: 5000 },
      { percent: 50, customers: 3, shareBp: 8500 },
    ]);
  });

  it.each([
    [8012, '80.1%'],
    [10000, '100.0%'],
    [0, '0.0%'],
    [5, '0.1%'],
  ])('%i bp reads %s', (bp, text) => expect(formatBp(bp)).toBe(text));

  it('states a part of a whole', () => {
    expect(formatPercentOf(3, 40)).toBe('7.5%');
    expect(formatPercentOf(0, 0)).toBe('—');
  });
});
