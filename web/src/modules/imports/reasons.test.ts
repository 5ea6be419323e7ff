import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { rejectReason } from './reasons';

describe('a rejected row’s reason in words', () => {
  it.each([
    ['zh-CN', 'not a date (YYYY-MM-DD) or RFC 3339 time', '不是日期（YYYY-MM-DD）或 RFC 3339 时间'],
    ['zh-CN', 'duplicate: customer C-17 exists', '重复：客户 C-17 已存在'],
    ['zh-CN', 'expected 5 columns, got 4', '应有 5 列，实有 4 列'],
    ['zh-CN', 'required', '必填'],
    ['en-US', 'no customer with this id', 'No customer with this external reference'],
    ['en-US', 'duplicate: already imported', 'Duplicate: imported before'],
    ['en-US', 'too_long', 'Too long'],
    ['en-US', 'something new the server says', 'something new the server says'],
  ])('%s: %s → %s', (language, reason, text) => {
    expect(rejectReason(i18n.getFixedT(language), reason)).toBe(text);
  });
});
