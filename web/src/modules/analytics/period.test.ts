import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import {
  lastWholeMonth,
  monthEnd,
  parsePeriod,
  periodParams,
  todayInChina,
  windowSpan,
  windowStart,
} from './period';
import { spanText } from './spanText';

describe('the concentration period', () => {
  it.each([
    ['2026-03-15', '2026-02'],
    ['2026-03-31', '2026-03'],
    ['2026-01-01', '2025-12'],
    ['2024-02-29', '2024-02'],
    ['2025-02-28', '2025-02'],
    ['2024-02-28', '2024-01'],
  ])('on %s the last whole month is %s', (today, month) => {
    expect(lastWholeMonth(today)).toBe(month);
  });

  it.each([
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2025-12', '2025-12-31'],
    ['2026-04', '2026-04-30'],
  ])('%s ends on %s', (month, day) => expect(monthEnd(month)).toBe(day));

  it.each([
    ['2026-02', 12, '2025-03'],
    ['2026-02', 1, '2026-02'],
    ['2026-02', 2, '2026-01'],
    ['2026-12', 120, '2017-01'],
  ])('a window ending %s of %i months starts %s', (end, months, start) => {
    expect(windowStart(end, months)).toBe(start);
  });

  it('reads the URL and round-trips, leaving defaults out', () => {
    const today = '2026-03-15';
    const period = parsePeriod(new URLSearchParams('metric=margin&months=6&end=2025-12'), today);
    expect(period).toEqual({ metric: 'margin', months: 6, end: '2025-12' });
    expect(parsePeriod(periodParams(period, today), today)).toEqual(period);
    const defaults = parsePeriod(new URLSearchParams(), today);
    expect(defaults).toEqual({ metric: 'revenue', months: 12, end: '2026-02' });
    expect(periodParams(defaults, today).toString()).toBe('');
  });

  it.each([
    'metric=profit',
    'months=0',
    'months=121',
    'months=-3',
    'months=6.5',
    'end=2026-03', // not over yet
    'end=2026-13',
    'end=26-01',
  ])('falls back to the default for %s', (query) => {
    expect(parsePeriod(new URLSearchParams(query), '2026-03-15')).toEqual({
      metric: 'revenue',
      months: 12,
      end: '2026-02',
    });
  });

  it('takes today in China time, the server’s business day', () => {
    expect(todayInChina(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(todayInChina(new Date('2026-03-31T15:30:00Z'))).toBe('2026-03-31');
  });
});

describe('the window in words', () => {
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en-US');

  it('names its first and last month, or its only one', () => {
    expect(windowSpan({ end: '2026-02', months: 12 })).toEqual({ from: '2025-03', to: '2026-02' });
    expect(spanText(zh, { end: '2026-02', months: 12 })).toBe('2025-03 至 2026-02');
    expect(spanText(en, { end: '2026-02', months: 12 })).toBe('2025-03 to 2026-02');
    expect(spanText(en, { end: '2026-02', months: 1 })).toBe('2026-02');
  });

  it('counts months in English and Chinese', () => {
    expect(en('concentration.months', { count: 1 })).toBe('1 month');
    expect(en('concentration.months', { count: 12 })).toBe('12 months');
    expect(zh('concentration.months', { count: 1 })).toBe('1 个月');
  });

  it('says how few make 80%, for one customer too', () => {
    const args = {
      percent: '0.9%',
      metric: en('concentration.metricNoun.revenue'),
      span: '2026-02',
    };
    expect(en('concentration.summary', { ...args, count: 3 })).toBe(
      '2026-02: the largest 3 customers (0.9% of them) made 80% of the revenue.',
    );
    expect(en('concentration.summary', { ...args, count: 1 })).toBe(
      '2026-02: the largest customer (0.9% of them) made 80% of the revenue alone.',
    );
  });
});
