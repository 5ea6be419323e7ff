import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../../test/visitFixtures';
import {
  completeFieldOf,
  completeValuesOf,
  firstEmptyVisitField,
  newVisitValues,
  timeValue,
  toCompleteBody,
  toVisitCreate,
  toVisitPatch,
  visitFieldOf,
  visitValuesOf,
} from './visitForm';

const plan = makePlan({
  id: 4,
  version: 3,
  planned_on: '2026-11-24',
  start_time: '09:30',
  contacts: [
    { id: 11, name: '张伟' },
    { id: 12, name: '李娜' },
  ],
  participants: [{ id: 8, name: '陈静' }],
});

describe('planning a visit', () => {
  it('sends a new plan in full, the visitor only when named', () => {
    const v = {
      ...newVisitValues({ customerId: 3, day: '2026-11-26' }),
      start_time: timeValue('14:05'),
      purpose: '  技术交流\u3000',
      contact_ids: [11],
    };
    expect(toVisitCreate(v)).toEqual({
      customer_id: 3,
      planned_on: '2026-11-26',
      start_time: '14:05',
      purpose: '技术交流',
      contact_ids: [11],
      participant_ids: [],
    });
    expect(toVisitCreate({ ...v, start_time: null, owner_id: 9 })).toMatchObject({
      start_time: null,
      owner_id: 9,
    });
  });

  it.each([
    [newVisitValues(), 'customer_id'],
    [newVisitValues({ customerId: 3 }), 'planned_on'],
    [newVisitValues({ customerId: 3, day: '2026-11-26' }), 'purpose'],
  ] as const)('typing starts in the first empty required field (%#)', (values, field) => {
    expect(firstEmptyVisitField(values)).toBe(field);
  });

  it('sends nothing when nothing changed', () => {
    expect(toVisitPatch(visitValuesOf(plan), plan)).toEqual({});
  });

  it('sends a reschedule as the day and time alone', () => {
    const v = { ...visitValuesOf(plan), planned_on: dayjs('2026-11-27'), start_time: null };
    expect(toVisitPatch(v, plan)).toEqual({ planned_on: '2026-11-27', start_time: null });
  });

  it('sends changed contacts and participants whole, whatever their order', () => {
    expect(toVisitPatch({ ...visitValuesOf(plan), contact_ids: [12, 11] }, plan)).toEqual({});
    expect(
      toVisitPatch({ ...visitValuesOf(plan), contact_ids: [12], participant_ids: [] }, plan),
    ).toEqual({ contact_ids: [12], participant_ids: [] });
  });

  it('places the server’s problems on the fields shown', () => {
    expect(visitFieldOf('planned_on')).toBe('planned_on');
    expect(visitFieldOf('contact_ids[1]')).toBe('contact_ids');
    expect(visitFieldOf('cursor')).toBeNull();
  });
});

describe('completing a visit', () => {
  it('prefills the plan’s contacts and participants', () => {
    expect(completeValuesOf(plan)).toMatchObject({
      contact_ids: [11, 12],
      participant_ids: [8],
      occurred_at: null,
    });
  });

  it('leaves the plan’s contacts, participants and time to the server unless changed', () => {
    const v = { ...completeValuesOf(plan), outcome: ' 同意续约 ', next_step: '寄送合同' };
    expect(toCompleteBody(v, plan)).toEqual({
      summary: '',
      outcome: '同意续约',
      next_step: '寄送合同',
      next_step_due: null,
    });
  });

  it('sends what was changed: who was met, when, the next step’s due date and owner', () => {
    const at = dayjs('2026-11-24T03:00:00Z');
    const v = {
      ...completeValuesOf(plan),
      next_step: '寄送合同',
      next_step_due: dayjs('2026-11-30'),
      next_step_owner_id: 8,
      occurred_at: at,
      contact_ids: [11],
    };
    expect(toCompleteBody(v, plan)).toMatchObject({
      next_step_due: '2026-11-30',
      next_step_owner_id: 8,
      occurred_at: '2026-11-24T03:00:00.000Z',
      contact_ids: [11],
    });
    expect(toCompleteBody(v, plan)).not.toHaveProperty('participant_ids');
  });

  it('places the server’s problems on the fields shown', () => {
    expect(completeFieldOf('next_step_due')).toBe('next_step_due');
    expect(completeFieldOf('participant_ids[0]')).toBe('participant_ids');
    expect(completeFieldOf('purpose')).toBeNull();
  });
});

describe('start times', () => {
  it.each([
    ['09:30', '09:30'],
    ['23:59', '23:59'],
    [null, null],
    ['9:30', null],
  ])('%s reads as %s', (hhmm, shown) => {
    expect(timeValue(hhmm)?.format('HH:mm') ?? null).toBe(shown);
  });
});
