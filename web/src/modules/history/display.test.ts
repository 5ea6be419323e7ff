import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { displayValue, fieldLabel, isShownChange, userIdsOf } from './display';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en-US');
const names = {
  unit: (id: number) => (id === 2 ? '华东区域' : undefined),
  user: (id: number) => (id === 10 ? '徐佳' : undefined),
  contact: (id: number) => (id === 5 ? '张伟' : undefined),
};

describe('history values in words', () => {
  it.each([
    ['relationship_stage', 'preferred_supplier', '首选供应商', 'Preferred supplier'],
    ['loyalty', 'loyal', '忠诚客户', 'Loyal'],
    ['stage', 'active', '现实客户', 'Active customer'],
    ['annual_revenue_fen', '123450', '¥1,234.50', '¥1,234.50'],
    ['status', 'rejected', '已驳回', 'Rejected'],
    ['approver_role', 'director', '主管', 'Director'],
    ['proposed_tier', 'strategic', '战略客户', 'Strategic'],
    ['approver_unit_id', '2', '华东区域', '华东区域'],
    ['approver_unit_id', '99', '#99', '#99'],
    ['relationship_stage', null, '—', '—'],
    ['reason', '年采购额超过 500 万', '年采购额超过 500 万', '年采购额超过 500 万'],
    ['member', '10:assistant', '徐佳 · 大客户助理', '徐佳 · KAM assistant'],
    ['member', '11:technical', '用户 #11 · 技术支持', 'User #11 · Technical support'],
    ['member', '10', '徐佳', '徐佳'],
    ['member', '12', '用户 #12', 'User #12'],
    ['member', 'not-a-member', 'not-a-member', 'not-a-member'],
    ['channel', 'visit', '拜访', 'Visit'],
    ['is_request', 'true', '是', 'Yes'],
    ['next_step_owner_id', '10', '徐佳', '徐佳'],
    ['participant_ids', '10,11', '徐佳、#11', '徐佳, #11'],
    ['contact_ids', '5,6', '张伟、#6', '张伟, #6'],
    [
      'cadence',
      '14/3/7',
      '至少每 14 天联系一次；任意 7 天内最多联系 3 次',
      'At least one contact every 14 days; at most 3 within any 7 days',
    ],
    ['cadence', '-/5/10', '任意 10 天内最多联系 5 次', 'At most 5 contacts within any 10 days'],
    ['cadence', 'own', '本客户专属', "This account's own"],
    ['cadence', null, '按级别的规则', "Its tier's rule"],
  ] as const)('%s = %s', (field, value, inChinese, inEnglish) => {
    expect(displayValue(zh, field, value, names)).toBe(inChinese);
    expect(displayValue(en, field, value, names)).toBe(inEnglish);
  });

  it('names dossier, contact and nomination fields', () => {
    expect(fieldLabel(zh, 'loyalty')).toBe('忠诚度');
    expect(fieldLabel(en, 'relationship_stage')).toBe('Relationship stage');
    expect(fieldLabel(zh, 'buying_role')).toBe('采购角色');
    expect(fieldLabel(en, 'comment')).toBe('Comment');
    expect(fieldLabel(zh, 'member')).toBe('团队成员');
    expect(fieldLabel(en, 'no_such_field')).toBe('no_such_field');
    expect(fieldLabel(zh, 'purpose')).toBe('目的');
    expect(fieldLabel(en, 'next_step_due')).toBe('Next step due');
    expect(fieldLabel(zh, 'cadence')).toBe('跟进频率');
  });

  it('finds the users a change names', () => {
    expect(userIdsOf('member', '10:assistant')).toEqual([10]);
    expect(userIdsOf('participant_ids', '10,11')).toEqual([10, 11]);
    expect(userIdsOf('first_contact_owner_id', '12')).toEqual([12]);
    expect(userIdsOf('purpose', '12')).toEqual([]);
    expect(userIdsOf('member', null)).toEqual([]);
  });

  it('leaves out fields a new record wrote empty', () => {
    expect(isShownChange({ before: null, after: '' })).toBe(false);
    expect(isShownChange({ before: null, after: 'visit' })).toBe(true);
    expect(isShownChange({ before: '寄送合同', after: '' })).toBe(true);
  });
});
