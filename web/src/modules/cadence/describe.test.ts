import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { breachText, parseAuditedRule, ruleInEffect, ruleText } from './describe';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en-US');

describe('a cadence rule in words', () => {
  it.each([
    [
      { min_interval_days: 14, max_contacts: 3, period_days: 7 },
      '至少每 14 天联系一次；任意 7 天内最多联系 3 次',
      'At least one contact every 14 days; at most 3 within any 7 days',
    ],
    [
      { min_interval_days: 30, max_contacts: null, period_days: 7 },
      '至少每 30 天联系一次',
      'At least one contact every 30 days',
    ],
    [
      { min_interval_days: 1, max_contacts: null, period_days: 7 },
      '至少每 1 天联系一次',
      'At least one contact a day',
    ],
    [
      { min_interval_days: null, max_contacts: 2, period_days: 1 },
      '任意 1 天内最多联系 2 次',
      'At most 2 contacts a day',
    ],
    [{ min_interval_days: null, max_contacts: null, period_days: 7 }, '不限', 'No bounds'],
  ])('%j', (bounds, inChinese, inEnglish) => {
    expect(ruleText(zh, bounds)).toBe(inChinese);
    expect(ruleText(en, bounds)).toBe(inEnglish);
  });
});

describe('a breach in words', () => {
  const breach = { days_overdue: 0, contacts_in_period: 0, period_days: 7, max_contacts: 3 };
  it.each([
    [
      { ...breach, kind: 'overdue', days_overdue: 12 },
      '逾期 12 天未联系',
      '12 days overdue for contact',
    ],
    [
      { ...breach, kind: 'overdue', days_overdue: 1 },
      '逾期 1 天未联系',
      '1 day overdue for contact',
    ],
    [
      { ...breach, kind: 'over_contacted', contacts_in_period: 5 },
      '7 天内联系 5 次，超过上限 3 次',
      '5 contacts within 7 days, above the maximum of 3',
    ],
  ] as const)('%j', (b, inChinese, inEnglish) => {
    expect(breachText(zh, b)).toBe(inChinese);
    expect(breachText(en, b)).toBe(inEnglish);
  });
});

describe('the rule an account is judged by', () => {
  const rules = [
    { tier: 'key', min_interval_days: 30, max_contacts: 3, period_days: 7 },
    { tier: 'strategic', min_interval_days: 14, max_contacts: 3, period_days: 7 },
  ];
  const own = { min_interval_days: 7, max_contacts: null, period_days: 7 };

  it('is its own when it has one', () => {
    expect(ruleInEffect(own, 'key', rules)).toEqual({ source: 'own', bounds: own });
  });
  it('is its tier’s otherwise', () => {
    expect(ruleInEffect(null, 'strategic', rules)).toEqual({ source: 'tier', bounds: rules[1] });
  });
  it('is none for a tier without a rule, or no tier', () => {
    expect(ruleInEffect(null, 'standard', rules)).toBeNull();
    expect(ruleInEffect(null, null, rules)).toBeNull();
    expect(ruleInEffect(undefined, 'key', undefined)).toBeNull();
  });
});

describe('a rule as the audit log writes it', () => {
  it.each([
    ['14/3/7', { min_interval_days: 14, max_contacts: 3, period_days: 7 }],
    ['-/5/10', { min_interval_days: null, max_contacts: 5, period_days: 10 }],
    ['30/-/7', { min_interval_days: 30, max_contacts: null, period_days: 7 }],
    ['own', null],
    ['14/3', null],
  ])('%s', (text, bounds) => {
    expect(parseAuditedRule(text)).toEqual(bounds);
  });
});
