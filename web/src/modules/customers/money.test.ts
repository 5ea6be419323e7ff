import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, yuanToFen } from './money';

describe('yuanToFen', () => {
  it.each([
    ['0', 0],
    ['0.1', 10],
    ['0.01', 1],
    ['1234.56', 123456],
    ['1,234.5', 123450],
    [' 379010000 ', 37901000000],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ['1.005', null], // three decimals
    ['-1', null],
    ['abc', null],
    ['', null],
    ['99999999999999999', null], // beyond exact integers
  ])('%s → %s', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });
});

describe('formatting', () => {
  it.each([
    [0, '0.00', '¥0.00'],
    [1, '0.01', '¥0.01'],
    [29, '0.29', '¥0.29'],
    [37901000000, '379010000.00', '¥379,010,000.00'],
    [-12345, '-123.45', '-¥123.45'],
  ])('%d fen → %s / %s', (fen, yuan, display) => {
    expect(fenToYuan(fen)).toBe(yuan);
    expect(formatFen(fen)).toBe(display);
  });

  it('round-trips through the form text', () => {
    for (const fen of [0, 7, 10, 99, 100, 123456789, Number.MAX_SAFE_INTEGER]) {
      expect(yuanToFen(fenToYuan(fen))).toBe(fen);
    }
  });
});
