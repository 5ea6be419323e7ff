import { describe, expect, it } from 'vitest';
import {
  charLength,
  isAcceptablePassword,
  isCivilDate,
  isRealPurpose,
  isValidCreditCode,
  isValidEmail,
  isValidPhone,
  isValidUsername,
  trimSpace,
} from './rules';

describe('isValidCreditCode', () => {
  it.each([
    ['91310000MAMT2HL4C9', true], // from the demo company
    ['91310000MA0YWMG1LN', true],
    ['91350100M000100Y43', true],
    ['91310000MAMT2HL4C8', false], // wrong check character
    ['91310000MAMT2HL4C', false], // 17 characters
    ['91310000MAMT2HL4C9X', false], // 19 characters
    ['91310000mamt2hl4c9', false], // lower case is not in the alphabet
    ['91310000MAMT2HI4C9', false], // I is not in the alphabet
    ['', false],
  ])('%s → %s', (code, valid) => {
    expect(isValidCreditCode(code)).toBe(valid);
  });
});

describe('isValidPhone', () => {
  it.each([
    ['13812345678', true],
    ['0512-68881234', true],
    ['+86 21 6888 1234', true],
    ['(010) 8888-1234', true],
    ['(010) 8888-1234 ext 12', false],
    ['1234', false], // too few digits
    ['123456789012345678901', false], // 21 digits
    ['86+123456', false], // + only first
    ['138 1234 5678 / 139', false],
  ])('%s → %s', (phone, valid) => {
    expect(isValidPhone(phone)).toBe(valid);
  });
});

describe('isValidEmail', () => {
  it.each([
    ['wang.lei@example.com', true],
    ['a@b.cn', true],
    ['王磊@例子.中国', true],
    ['no-at.example.com', false],
    ['@example.com', false],
    ['a@@example.com', false],
    ['a@example', false],
    ['a@.example.com', false],
    ['a@example.com.', false],
    ['a b@example.com', false],
    ['a;b@example.com', false],
  ])('%s → %s', (email, valid) => {
    expect(isValidEmail(email)).toBe(valid);
  });
});

describe('isCivilDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['0999-01-01', false],
    ['2024-1-01', false],
    ['', false],
  ])('%s → %s', (date, valid) => {
    expect(isCivilDate(date)).toBe(valid);
  });
});

describe('passwords and usernames', () => {
  it.each([
    ['kams-demo', true],
    ['abcdefgh', false], // letters only
    ['12345678', false], // no letter
    ['ab1', false], // too short
  ])('password %s → %s', (pw, ok) => {
    expect(isAcceptablePassword(pw)).toBe(ok);
  });
  it.each([
    ['kam.sh', true],
    ['ab', false],
    ['.kam', false],
    ['Kam', false],
  ])('username %s → %s', (u, ok) => {
    expect(isValidUsername(u)).toBe(ok);
  });
});

describe('text', () => {
  it('counts code points like the server', () => {
    expect(charLength('上海电力')).toBe(4);
    expect(charLength('𠀋a')).toBe(2);
  });
  it('trims the ideographic space', () => {
    expect(trimSpace('\u3000 上海 \u3000')).toBe('上海');
  });
});

describe('isRealPurpose', () => {
  it.each([
    ['季度回访，了解二期项目进度', true],
    ['Quarterly review', true],
    ['续签', true],
    ['无', false],
    ['  无。 ', false], // trimmed, trailing full stop dropped
    ['\u3000暂无\u3000', false], // ideographic spaces trimmed
    ['N/A.', false],
    ['None!', false],
    ['TODO', false],
    ['test', false],
    ['测试', false],
    ['其他…', false],
    ['-', false], // no letter or character
    ['……', false],
    ['？？', false],
    ['', false],
    ['无需拜访的原因说明', true], // a placeholder inside real text is fine
    ['其他事项：送达合同', true],
    ['x1', true],
    ['ＡＢＣ', true], // full-width letters
    ['Café', true],
  ])('%j → %s', (purpose, real) => {
    expect(isRealPurpose(purpose)).toBe(real);
  });
});
