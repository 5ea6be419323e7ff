import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatDayWithWeekday } from './format';

describe('a day with its weekday', () => {
  it.each([
    ['2026-03-02', 'zh-CN', '2026-03-02 星期一'],
    ['2026-03-02', 'en-US', '2026-03-02 Monday'],
    ['2026-11-29', 'zh-CN', '2026-11-29 星期日'],
  ])('%s in %s → %s', (day, language, text) => {
    expect(formatDayWithWeekday(day, language)).toBe(text);
  });
});

describe('a size in bytes', () => {
  it.each([
    [0, '0 B'],
    [812, '812 B'],
    [1536, '1.5 KB'],
    [24_536_000, '23.4 MB'],
    [512 * 1024 * 1024, '512 MB'],
    [1.25 * 1024 ** 3, '1.3 GB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('a time as a clock', () => {
  it.each([
    [0, '0:00'],
    [59.9, '0:59'],
    [185, '3:05'],
    [3723, '1:02:03'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });
});
