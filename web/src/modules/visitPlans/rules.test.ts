import { describe, expect, it } from 'vitest';
import type { Role, VisitStatus } from '../../api/types';
import { makePlan } from '../../test/visitFixtures';
import { mayChangePlan, mayCompletePlan, plansByDay, splitByToday } from './rules';

const OWNER = 5;
const PLANNER = 7;
const OTHER = 9;

describe('who may act on a visit plan', () => {
  it.each([
    // status, who (id, role), may change (reschedule, cancel), may complete
    ['planned', OWNER, 'kam', true, true],
    ['missed', OWNER, 'kam', true, true], // completed late
    ['completed', OWNER, 'kam', false, false],
    ['cancelled', OWNER, 'kam', false, false],
    ['planned', PLANNER, 'assistant', true, false], // planned it for the KAM
    ['planned', OTHER, 'kam', false, false],
    ['planned', OTHER, 'director', true, false],
    ['planned', OTHER, 'admin', true, true],
    ['completed', OTHER, 'admin', false, false],
    ['planned', OTHER, 'specialist', false, false],
  ] as [VisitStatus, number, Role, boolean, boolean][])(
    'a %s plan, user %i (%s): change %s, complete %s',
    (status, id, role, change, complete) => {
      const plan = makePlan({ id: 1, status, owner_id: OWNER, created_by: PLANNER });
      expect(mayChangePlan(plan, { id, role })).toBe(change);
      expect(mayCompletePlan(plan, { id, role })).toBe(complete);
    },
  );
});

describe('plans in order', () => {
  const plans = [
    makePlan({ id: 1, planned_on: '2026-11-25', start_time: null }),
    makePlan({ id: 2, planned_on: '2026-11-25', start_time: '14:00' }),
    makePlan({ id: 3, planned_on: '2026-11-24', start_time: '16:30' }),
    makePlan({ id: 4, planned_on: '2026-11-25', start_time: '09:00' }),
    makePlan({ id: 5, planned_on: '2026-11-20', start_time: '10:00' }),
  ];

  it('groups by day, timed first, then "some time that day"', () => {
    const byDay = plansByDay(plans);
    expect([...byDay.keys()]).toEqual(['2026-11-20', '2026-11-24', '2026-11-25']);
    expect(byDay.get('2026-11-25')?.map((p) => p.id)).toEqual([4, 2, 1]);
  });

  it('puts a customer’s coming visits first and the earlier ones latest first', () => {
    const { coming, earlier } = splitByToday(plans, '2026-11-24');
    expect(coming.map((p) => p.id)).toEqual([3, 4, 2, 1]);
    expect(earlier.map((p) => p.id)).toEqual([5]);
  });
});
