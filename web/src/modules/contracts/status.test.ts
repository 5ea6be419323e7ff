import { describe, expect, it } from 'vitest';
import { contractState, daysBetween, endsInDays } from './status';

const TODAY = '2026-11-24';

describe('a contract’s state on a day', () => {
  it.each([
    ['active, open-ended', 'active', null, 'active', null],
    ['active, ends in 31 days', 'active', '2026-12-25', 'active', null],
    ['active, ends in 30 days', 'active', '2026-12-24', 'active', 30],
    ['active, ends in 10 days', 'active', '2026-12-04', 'active', 10],
    ['active, ends today', 'active', TODAY, 'active', 0],
    ['active, ended yesterday', 'active', '2026-11-23', 'expired', null],
    ['terminated, would end soon', 'terminated', '2026-12-04', 'terminated', null],
    ['terminated, past its end', 'terminated', '2026-01-01', 'terminated', null],
  ] as const)('%s', (_name, status, ends_on, state, days) => {
    expect(contractState({ status, ends_on }, TODAY)).toBe(state);
    expect(endsInDays({ status, ends_on }, TODAY)).toBe(days);
  });

  it('counts calendar days across months, years and leap days', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-24', '2026-11-20')).toBe(-4);
  });
});
