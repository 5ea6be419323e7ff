// The concentration page's period, kept in the URL: metric, window length in whole months and
// the month it ends with. The server counts whole months ending at the last whole month on or
// before `as_of` (server/src/core/tiering/rollups.cc); the console always asks with the last
// day of the month shown, so what it says is what it asked for.
import type { ConcentrationMetric } from '../../api/types';

export const METRICS: readonly ConcentrationMetric[] = ['revenue', 'orders', 'margin'];
export const WINDOW_CHOICES = [1, 3, 6, 12, 24, 36] as const;
export const MAX_WINDOW_MONTHS = 120;
const DEFAULT_WINDOW = 12;

/** "YYYY-MM" */
export type Month = string;

export type Period = { metric: ConcentrationMetric; months: number; end: Month };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function monthIndex(month: Month): number | null {
  const m = MONTH.exec(month);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

function monthOf(index: number): Month {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last whole month on or before `today` ("YYYY-MM-DD"): its own month on its last day. */
export function lastWholeMonth(today: string): Month {
  const m = DATE.exec(today);
  if (!m) throw new Error(`not a date: ${today}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const index = year * 12 + month - 1;
  return monthOf(day === daysIn(year, month) ? index : index - 1);
}

/** The last day of a month: what the console sends as `as_of`. */
export function monthEnd(month: Month): string {
  const index = monthIndex(month);
  if (index === null) throw new Error(`not a month: ${month}`);
  const year = Math.floor(index / 12);
  const number = (index % 12) + 1;
  return `${month}-${String(daysIn(year, number)).padStart(2, '0')}`;
}

/** The first month of a window of `months` ending with `end`. */
export function windowStart(end: Month, months: number): Month {
  const index = monthIndex(end);
  if (index === null) throw new Error(`not a month: ${end}`);
  return monthOf(index - months + 1);
}

/** The months a window covers, for saying: its first and last, or its only one. */
export function windowSpan(period: Pick<Period, 'end' | 'months'>): { from: Month; to: Month } {
  return { from: windowStart(period.end, period.months), to: period.end };
}

/** Reads the period from the URL; anything the server would refuse falls back to the default. */
export function parsePeriod(params: URLSearchParams, today: string): Period {
  const latest = lastWholeMonth(today);
  const metric = METRICS.find((m) => m === params.get('metric')) ?? 'revenue';
  const monthsText = params.get('months') ?? '';
  const months = /^\d{1,3}$/.test(monthsText) ? Number(monthsText) : DEFAULT_WINDOW;
  const end = params.get('end') ?? '';
  const endIndex = monthIndex(end);
  return {
    metric,
    months: months >= 1 && months <= MAX_WINDOW_MONTHS ? months : DEFAULT_WINDOW,
    // A month not over yet would count part of it; later ones nothing at all.
    end: endIndex !== null && endIndex <= (monthIndex(latest) ?? 0) ? end : latest,
  };
}

/** The URL's query for a period; defaults are left out. */
export function periodParams(period: Period, today: string): URLSearchParams {
  const params = new URLSearchParams();
  if (period.metric !== 'revenue') params.set('metric', period.metric);
  if (period.months !== DEFAULT_WINDOW) params.set('months', String(period.months));
  if (period.end !== lastWholeMonth(today)) params.set('end', period.end);
  return params;
}

/** Today in China time, the server's business day ("YYYY-MM-DD"). */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
