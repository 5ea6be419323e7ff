import { describe, expect, it } from 'vitest';
import type { Role } from '../../api/types';
import {
  businessToday,
  daysBetween,
  mayCompleteStep,
  mayEdit,
  mayHandOn,
  nextStepState,
} from './nextStep';

const TODAY = '2026-03-10';

describe('where a next step stands', () => {
  it.each([
    ['no next step', { next_step: '', next_step_due: null, next_step_done_at: null }, 'none'],
    [
      'done, though past due',
      {
        next_step: '寄送合同',
        next_step_due: '2026-03-01',
        next_step_done_at: '2026-03-02T01:00:00Z',
      },
      'done',
    ],
    [
      'past due',
      { next_step: '寄送合同', next_step_due: '2026-03-09', next_step_done_at: null },
      'overdue',
    ],
    [
      'due today',
      { next_step: '寄送合同', next_step_due: TODAY, next_step_done_at: null },
      'dueToday',
    ],
    [
      'due later',
      { next_step: '寄送合同', next_step_due: '2026-04-01', next_step_done_at: null },
      'open',
    ],
    [
      'without a date',
      { next_step: '寄送合同', next_step_due: null, next_step_done_at: null },
      'undated',
    ],
  ] as const)('%s → %s', (_what, step, state) => {
    expect(nextStepState(step, TODAY)).toBe(state);
  });

  it.each([
    ['2026-03-09', TODAY, 1],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-02-28', '2024-03-01', 2], // a leap year
    [TODAY, '2026-03-07', -3],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('the business day', () => {
  it.each([
    ['2026-03-09T15:59:59Z', '2026-03-09'],
    ['2026-03-09T16:00:00Z', '2026-03-10'], // midnight in Beijing
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('at %s it is %s in China', (instant, day) => {
    expect(businessToday(Date.parse(instant))).toBe(day);
  });
});

describe('who may act on a record', () => {
  const record = {
    recorded_by: 1,
    next_step: '寄送合同',
    next_step_owner_id: 2,
    next_step_done_at: null,
    is_request: true,
    first_contact_owner_id: 3,
    request_closed_at: null,
  };
  const as = (id: number, role: Role = 'kam') => ({ id, role });

  it.each([
    ['the recorder', as(1), { edit: true, complete: true, handOn: false }],
    ['the next step’s owner', as(2, 'assistant'), { edit: false, complete: true, handOn: false }],
    [
      'the request’s first-contact owner',
      as(3, 'service'),
      { edit: false, complete: false, handOn: true },
    ],
    ['an administrator', as(9, 'admin'), { edit: true, complete: true, handOn: true }],
    ['anyone else', as(4, 'director'), { edit: false, complete: false, handOn: false }],
  ])('%s', (_who, me, may) => {
    expect(mayEdit(record, me)).toBe(may.edit);
    expect(mayCompleteStep(record, me)).toBe(may.complete);
    expect(mayHandOn(record, me)).toBe(may.handOn);
  });

  it('offers nothing on a step already done or a request already closed', () => {
    const done = {
      ...record,
      next_step_done_at: '2026-03-02T01:00:00Z',
      request_closed_at: '2026-03-02T01:00:00Z',
    };
    expect(mayCompleteStep(done, as(2))).toBe(false);
    expect(mayHandOn(done, as(3))).toBe(false);
    expect(mayHandOn({ ...record, is_request: false }, as(3))).toBe(false);
  });
});
