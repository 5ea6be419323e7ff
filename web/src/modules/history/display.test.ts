import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { displayValue, fieldLabel } from './display';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en-US');
const names = {
  unit: (id: number) => (id === 2 ? '华东区域' : undefined),
  user: (id: number) => (id === 10 ? '徐佳' : undefined),
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
  });
});
