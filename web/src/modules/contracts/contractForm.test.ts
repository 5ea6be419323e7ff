import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { makeContract } from '../../test/contractFixtures';
import {
  contractFieldOf,
  contractValuesOf,
  newContractValues,
  toContractCreate,
  toContractPatch,
} from './contractForm';

describe('the contract form', () => {
  it('sends yuan as exact fen, dates as days and empty optional fields as null', () => {
    const body = toContractCreate({
      ...newContractValues(),
      number: ' HT-2026-001 ',
      title: '2026年度供电服务合同',
      starts_on: dayjs('2026-01-01'),
      ends_on: dayjs('2026-12-31'),
      amount: '1234567.89',
    });
    expect(body).toEqual({
      number: 'HT-2026-001',
      title: '2026年度供电服务合同',
      signed_on: null,
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
      amount_fen: 123456789,
      notes: '',
    });
    // 0.29 yuan is 29 fen, not 28.999…
    expect(toContractCreate({ ...newContractValues(), amount: '0.29' }).amount_fen).toBe(29);
    expect(toContractCreate({ ...newContractValues(), amount: '' }).amount_fen).toBeNull();
  });

  it('patches only what changed', () => {
    const base = makeContract({ id: 7, amount_fen: 1_000_000, ends_on: '2026-12-31' });
    const values = contractValuesOf(base);
    expect(values.amount).toBe('10000.00');
    expect(toContractPatch(values, base)).toEqual({});
    expect(
      toContractPatch({ ...values, ends_on: null, amount: '10000.5', title: base.title }, base),
    ).toEqual({ ends_on: null, amount_fen: 1_000_050 });
  });

  it('puts the server’s amount_fen problem on the yuan field', () => {
    expect(contractFieldOf('amount_fen')).toBe('amount');
    expect(contractFieldOf('ends_on')).toBe('ends_on');
    expect(contractFieldOf('status')).toBeNull();
  });
});
