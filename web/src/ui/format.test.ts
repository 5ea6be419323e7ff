import { describe, expect, it } from 'vitest';
import { formatDayWithWeekday } from './format';

describe('a day with its weekday', () => {
  it.each([
    ['2026-03-02', 'zh-CN', '2026-03-02 星期一'],
    ['2026-03-02', 'en-US', '2026-03-02 Monday'],
    ['2026-11-29', 'zh-CN', '2026-11-29 星期日'],
  ])('%s in %s → %s', (day, language, text) => {
    expect(formatDayWithWeekday(day, language)).toBe(text);
  });
});
