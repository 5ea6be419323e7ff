import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../api/types';
import i18n from '../../i18n';
import { actionLabel, ACTION_GROUPS, entityLabel } from './actions';
import { exportText, summaryText } from './describe';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en-US');

function record(fields: Partial<AuditRecord>): AuditRecord {
  return {
    id: 1,
    at: '2026-03-01T08:00:00Z',
    actor_id: 2,
    actor_name: 'specialist',
    action: 'customer.update',
    entity: 'customer',
    entity_id: 7,
    customer_id: 7,
    changes: [],
    request_id: 'r-1',
    client_addr: '127.0.0.1',
    hash: 'ab',
    ...fields,
  };
}

const exported = (changes: [string, string][]) =>
  changes.map(([field, after]) => ({ field, before: null, after }));

describe('audit records in words', () => {
  it.each([
    [
      [
        ['format', 'csv'],
        ['rows', '1234'],
        ['filter', 'stage=active&region=上海'],
      ],
      '导出 CSV，1,234 位客户，筛选：stage=active、region=上海',
      'Exported CSV, 1,234 customers, filter: stage=active, region=上海',
    ],
    [
      [
        ['format', 'xlsx'],
        ['rows', '1'],
      ],
      '导出 XLSX，1 位客户，未筛选',
      'Exported XLSX, 1 customer, no filter',
    ],
    [
      [
        ['format', 'csv'],
        ['rows', '0'],
        ['filter', 'q=不存在'],
      ],
      '导出 CSV，0 位客户，筛选：q=不存在',
      'Exported CSV, 0 customers, filter: q=不存在',
    ],
  ] as [[string, string][], string, string][])(
    'an export of %j',
    (changes, inChinese, inEnglish) => {
      expect(exportText(zh, exported(changes), 'zh-CN')).toBe(inChinese);
      expect(exportText(en, exported(changes), 'en-US')).toBe(inEnglish);
    },
  );

  it('says what was refused, and what changed, with at most two changes spelled out', () => {
    const denied = record({
      action: 'access.denied',
      entity: 'audit',
      customer_id: null,
      changes: exported([['permission', 'read the audit log']]),
    });
    expect(summaryText(zh, denied, 'zh-CN')).toBe('被拒绝：read the audit log');
    expect(summaryText(en, denied, 'en-US')).toBe('Refused: read the audit log');

    const update = record({
      changes: [
        { field: 'stage', before: 'target', after: 'active' },
        { field: 'loyalty', before: null, after: 'loyal' },
        { field: 'region', before: '上海', after: '南京' },
        { field: 'industry', before: null, after: '' },
      ],
    });
    expect(summaryText(en, update, 'en-US')).toBe(
      'Stage: Target → Active customer; Loyalty: Loyal; 1 more',
    );
    expect(summaryText(zh, record({ changes: [] }), 'zh-CN')).toBe('—');
  });

  it('has words for every action it offers, in both languages', () => {
    for (const action of ACTION_GROUPS.flatMap((g) => g.actions)) {
      expect(actionLabel(zh, action), action).not.toBe(action);
      expect(actionLabel(en, action), action).not.toBe(action);
    }
    expect(actionLabel(en, 'customer.export')).toBe('Customer list exported');
    expect(actionLabel(zh, 'something.new')).toBe('something.new');
    expect(entityLabel(zh, 'import_run')).toBe('导入记录');
    expect(entityLabel(en, 'no_such')).toBe('no_such');
  });
});
