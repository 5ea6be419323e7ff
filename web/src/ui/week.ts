// Calendar weeks and months over calendar days (`YYYY-MM-DD`). Weeks run Monday to Sunday, as
// the server counts them (China time); the functions take the day to start from, so "today"
// is the caller's to decide (e.g. `businessToday()`). Days are counted in UTC, where every day
// has 24 hours.

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether `s` is a day as the API writes them (`2026-11-24`), and one that exists. */
export function isDay(s: string | null | undefined): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = toUtc(s);
  return !Number.isNaN(ms) && fromUtc(ms) === s;
}

export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** Monday 1 … Sunday 7. */
export function isoWeekday(day: string): number {
  return new Date(toUtc(day)).getUTCDay() || 7;
}

/** The Monday of the week the day is in. */
export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** The seven days of the week the day is in, Monday first. */
export function weekDays(day: string): string[] {
  const monday = weekStart(day);
  return Array.from({ length: 7 }, (_, k) => addDays(monday, k));
}

/** The ISO week the day is in, as the API names weeks: `2026-W48`. */
export function isoWeek(day: string): string {
  // The week belongs to the year of its Thursday.
  const thursday = addDays(weekStart(day), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toUtc(thursday) - toUtc(`${year}-01-01`)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `n` months after the day's. */
export function addMonths(day: string, n: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + n;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function monthEnd(day: string): string {
  return addDays(addMonths(day, 1), -1);
}

/**
 * The whole weeks that cover the day's month, Monday first: 4 to 6 rows of seven days, the
 * first starting on or before the 1st, the last ending on or after the month's last day.
 */
export function monthWeeks(day: string): string[][] {
  const last = monthEnd(day);
  const weeks: string[][] = [];
  for (let monday = weekStart(monthStart(day)); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(weekDays(monday));
  }
  return weeks;
}
