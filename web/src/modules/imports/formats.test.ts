import { describe, expect, it } from 'vitest';
import {
  csvField,
  elapsedSeconds,
  importFileName,
  progressPercent,
  rejectsCsv,
  templateCsv,
} from './formats';

describe('the import templates', () => {
  it('write the customers header the server reads and one example row', () => {
    expect(templateCsv('customers')).toBe(
      'customer_id,name,region,industry,created_at\r\n' +
        '10001,苏州供电公司,江苏省苏州市,电力能源,2024-03-01\r\n',
    );
  });

  it('write the transactions header with the optional columns last', () => {
    const [header, example] = templateCsv('transactions').split('\r\n');
    expect(header).toBe('txn_id,customer_id,date,amount,margin,product,order_ref');
    expect(example?.split(',')).toHaveLength(7);
  });
});

describe('a CSV field', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [12, '12'],
  ])('%j → %j', (value, text) => {
    expect(csvField(value)).toBe(text);
  });
});

describe('the rejected rows as CSV', () => {
  it('lists line, column and reason, quoting what needs it', () => {
    expect(
      rejectsCsv([
        { line: 3, column: 'amount', reason: 'not an amount in yuan with at most two decimals' },
        { line: 7, column: '', reason: 'expected 4 columns, got 5' },
      ]),
    ).toBe(
      'line,column,reason\r\n' +
        '3,amount,not an amount in yuan with at most two decimals\r\n' +
        '7,,"expected 4 columns, got 5"\r\n',
    );
  });
});

describe('progress', () => {
  it.each([
    ['queued', 0, 1000, 0],
    ['running', 333, 1000, 33],
    ['running', 0, 0, 0],
    ['cancelled', 500, 1000, 50],
    ['succeeded', 990, 1000, 100],
  ] as const)('%s at %d of %d bytes → %d%%', (status, done, total, percent) => {
    expect(progressPercent({ status, bytes_done: done, bytes_total: total })).toBe(percent);
  });

  it('counts a running import from its start by the browser clock, at least the server count', () => {
    const started_at = '2026-03-01T08:00:00Z';
    const at = (s: number) => Date.parse(started_at) + s * 1000;
    expect(elapsedSeconds({ status: 'running', started_at, seconds: 2 }, at(10))).toBe(10);
    expect(elapsedSeconds({ status: 'running', started_at, seconds: 12 }, at(10))).toBe(12);
    expect(elapsedSeconds({ status: 'succeeded', started_at, seconds: 4.5 }, at(99))).toBe(4.5);
  });
});

describe('the file name sent', () => {
  it('drops control characters and keeps at most 200 characters', () => {
    expect(importFileName('客户\t名单.csv')).toBe('客户名单.csv');
    expect(importFileName(`${'客'.repeat(250)}.csv`)).toBe('客'.repeat(200));
  });
});
