import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  isDay,
  isoWeek,
  isoWeekday,
  monthEnd,
  monthWeeks,
  weekDays,
  weekStart,
} from './week';

describe('weeks run Monday to Sunday', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // a Monday
    ['2026-11-24', '2026-11-23'],
    ['2026-11-29', '2026-11-23'], // a Sunday belongs to the week before
    ['2026-11-30', '2026-11-30'],
    ['2027-01-01', '2026-12-28'], // across the year
    ['2024-03-01', '2024-02-26'], // across a leap February
  ])('the week of %s starts on %s', (day, monday) => {
    expect(weekStart(day)).toBe(monday);
  });

  it('lists the seven days, Monday first', () => {
    expect(weekDays('2026-11-26')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('2026-11-23')).toBe(1);
  });

  it.each([
    ['2026-11-24', '2026-W48'],
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of its own year
    ['2027-01-01', '2026-W53'], // a Friday: the last week of the year before
    ['2024-12-30', '2025-W01'], // a Monday whose Thursday is in the next year
    ['2021-01-03', '2020-W53'],
  ])('%s is in the ISO week %s', (day, week) => {
    expect(isoWeek(day)).toBe(week);
  });
});

describe('days and months', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-24', -7)).toBe('2026-11-17');
  });

  it.each([
    ['2026-11-24', 1, '2026-12-01'],
    ['2026-12-15', 1, '2027-01-01'],
    ['2026-01-31', -1, '2025-12-01'],
    ['2026-05-05', 0, '2026-05-01'],
  ])('%s plus %i months starts on %s', (day, n, first) => {
    expect(addMonths(day, n)).toBe(first);
  });

  it('knows the month ends', () => {
    expect(monthEnd('2026-02-10')).toBe('2026-02-28');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2026-12-01')).toBe('2026-12-31');
  });

  it.each([
    ['2026-11-10', 6, '2026-10-26', '2026-12-06'], // starts on a Sunday: six rows
    ['2021-02-10', 4, '2021-02-01', '2021-02-28'], // 28 days from a Monday: four rows
    ['2026-02-10', 5, '2026-01-26', '2026-03-01'], // from a Sunday: the week before too
    ['2026-06-10', 5, '2026-06-01', '2026-07-05'],
  ])('the month of %s shows %i weeks, %s to %s', (day, rows, first, last) => {
    const weeks = monthWeeks(day);
    expect(weeks).toHaveLength(rows);
    expect(weeks[0]?.[0]).toBe(first);
    expect(weeks.at(-1)?.[6]).toBe(last);
    expect(weeks.every((w) => w.length === 7 && isoWeekday(w[0] ?? '') === 1)).toBe(true);
  });

  it.each([
    ['2026-11-24', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['24-11-2026', false],
    ['', false],
    [null, false],
  ])('%s is a day: %s', (s, ok) => {
    expect(isDay(s)).toBe(ok);
  });
});
