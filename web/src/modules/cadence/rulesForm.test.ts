import { describe, expect, it } from 'vitest';
import type { CadenceRules } from '../../api/types';
import {
  duplicateTiers,
  emptyRow,
  missingTiers,
  rulesFormPath,
  sameRules,
  toRulesFormValues,
  toRulesUpdate,
} from './rulesForm';

const stored: CadenceRules = {
  rules: [
    { tier: 'key', min_interval_days: 30, max_contacts: 3, period_days: 7 },
    { tier: 'strategic', min_interval_days: 14, max_contacts: null, period_days: 7 },
  ],
  grace_days: 7,
  version: 4,
};

describe('the cadence-rules form', () => {
  it('reads the stored rules and sends them back unchanged', () => {
    const values = toRulesFormValues(stored);
    expect(toRulesUpdate(values)).toEqual({ rules: stored.rules, grace_days: 7 });
    expect(sameRules(values, stored)).toBe(true);
  });

  it('sends a trimmed tier, no bound for an empty one and a 7-day period by default', () => {
    const values = toRulesFormValues(stored);
    values.rules.push({ ...emptyRow(' A '), period_days: null, max_contacts: 5 });
    expect(toRulesUpdate(values).rules[2]).toEqual({
      tier: 'A',
      min_interval_days: null,
      max_contacts: 5,
      period_days: 7,
    });
    expect(sameRules(values, stored)).toBe(false);
  });

  it('sees no change when only the order of the rows differs', () => {
    const values = toRulesFormValues(stored);
    values.rules.reverse();
    expect(sameRules(values, stored)).toBe(true);
    expect(sameRules({ ...values, grace_days: 8 }, stored)).toBe(false);
  });

  it('finds tiers given twice and tiers of the primary scheme without a rule', () => {
    const rows = [{ tier: 'key' }, { tier: ' key' }, { tier: '' }, { tier: 'A' }];
    expect([...duplicateTiers(rows)]).toEqual(['key']);
    expect(missingTiers(rows, ['strategic', 'key'])).toEqual(['strategic']);
  });

  it.each([
    ['rules[2].tier', ['rules', 2, 'tier']],
    ['rules[0].min_interval_days', ['rules', 0, 'min_interval_days']],
    ['grace_days', ['grace_days']],
    ['rules', null],
    ['rules[1]', null],
  ])('puts the server’s %s on %j', (field, path) => {
    expect(rulesFormPath(field)).toEqual(path);
  });
});
