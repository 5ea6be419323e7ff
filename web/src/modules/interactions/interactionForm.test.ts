import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../api/types';
import {
  firstEmptyRequired,
  formFieldOf,
  formValuesOf,
  newFormValues,
  toCreateBody,
  toPatch,
} from './interactionForm';

const record: Interaction = {
  id: 7,
  customer_id: 3,
  customer_name: '上海电力设备有限公司',
  version: 2,
  channel: 'visit',
  purpose: '季度回访',
  summary: '',
  outcome: '客户同意续约',
  next_step: '寄送合同',
  next_step_due: '2026-03-10',
  next_step_owner_id: 5,
  next_step_owner_name: '王芳',
  next_step_done_at: null,
  is_request: false,
  first_contact_owner_id: null,
  first_contact_owner_name: null,
  request_closed_at: null,
  occurred_at: '2026-03-01T02:00:00Z',
  recorded_by: 5,
  recorded_by_name: '王芳',
  contacts: [
    { id: 11, name: '张伟' },
    { id: 12, name: '李娜' },
  ],
  participants: [{ id: 5, name: '王芳' }],
  visit_plan_id: null,
  created_at: '2026-03-01T02:05:00Z',
  updated_at: '2026-03-01T02:05:00Z',
};

describe('where typing starts', () => {
  it.each([
    ['a new record without a customer', newFormValues(), 'customer_id'],
    ['a new record for a known customer', newFormValues(3), 'purpose'],
    ['a blank purpose', { ...newFormValues(3), purpose: ' \u3000 ' }, 'purpose'],
    ['no channel', { ...newFormValues(3), channel: null }, 'channel'],
    ['everything required given', { ...newFormValues(3), purpose: '回访' }, 'purpose'],
  ] as const)('%s → %s', (_what, values, field) => {
    expect(firstEmptyRequired(values)).toBe(field);
  });
});

describe('a new record', () => {
  it('sends trimmed text, dates as the API wants them, and no owner when none was chosen', () => {
    const at = dayjs('2026-03-01T10:30:00+08:00');
    const body = toCreateBody({
      ...newFormValues(3, at),
      purpose: '  季度回访 ',
      next_step: '寄送合同',
      next_step_due: dayjs('2026-03-10'),
      contact_ids: [11],
      is_request: true,
    });
    expect(body).toEqual({
      customer_id: 3,
      channel: 'visit',
      purpose: '季度回访',
      summary: '',
      outcome: '',
      next_step: '寄送合同',
      next_step_due: '2026-03-10',
      contact_ids: [11],
      is_request: true,
      occurred_at: '2026-03-01T02:30:00.000Z',
    });
  });

  it('names the next step’s owner when one was chosen', () => {
    expect(toCreateBody({ ...newFormValues(3), next_step_owner_id: 9 }).next_step_owner_id).toBe(9);
  });
});

describe('a changed record', () => {
  it('sends nothing when nothing changed', () => {
    expect(toPatch(formValuesOf(record), record)).toEqual({});
  });

  it('sends only what changed', () => {
    const values = formValuesOf(record);
    expect(
      toPatch(
        {
          ...values,
          purpose: '续约洽谈 ',
          next_step_due: null,
          contact_ids: [12, 11, 13],
          occurred_at: dayjs('2026-03-01T09:00:00+08:00'),
        },
        record,
      ),
    ).toEqual({
      purpose: '续约洽谈',
      next_step_due: null,
      contact_ids: [12, 11, 13],
      occurred_at: '2026-03-01T01:00:00.000Z',
    });
  });

  it('keeps the contacts when only their order differs, and never unsets the owner', () => {
    const values = formValuesOf(record);
    expect(toPatch({ ...values, contact_ids: [12, 11], next_step_owner_id: null }, record)).toEqual(
      {},
    );
  });
});

describe('the server’s problems on the form', () => {
  it.each([
    ['purpose', 'purpose'],
    ['contact_ids[2]', 'contact_ids'],
    ['next_step_owner_id', 'next_step_owner_id'],
    ['participant_ids[0]', null],
    ['first_contact_owner_id', null],
  ])('%s → %s', (server, field) => {
    expect(formFieldOf(server)).toBe(field);
  });
});
