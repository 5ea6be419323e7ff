import { describe, expect, it } from 'vitest';
import { buildUrl } from '../../api/client';
import { customerExportQuery, exportLanguage } from './export';
import { parseCustomerQuery } from './listQuery';

/** The export's address for a customer list address's query, as the console asks for it. */
const exportUrl = (listSearch: string, format: 'csv' | 'xlsx', lang: 'zh-CN' | 'en-US') =>
  buildUrl(
    '/customers/export',
    customerExportQuery(parseCustomerQuery(new URLSearchParams(listSearch)), format, lang),
  );

describe('the export address for the list as it is shown', () => {
  it.each<[string, string, 'csv' | 'xlsx', 'zh-CN' | 'en-US', string]>([
    [
      'an unfiltered list: its default sort',
      '',
      'csv',
      'zh-CN',
      '/api/v1/customers/export?sort=-id&format=csv&lang=zh-CN',
    ],
    [
      'every filter, the search and the sort, and never the page size',
      'q=电力&stage=active&is_key_account=true&tier=strategic&owner_id=12&org_unit_id=7&region=江苏省苏州市&industry=电力能源&sort=name&limit=50',
      'xlsx',
      'en-US',
      '/api/v1/customers/export?q=%E7%94%B5%E5%8A%9B&stage=active&is_key_account=true&tier=strategic&owner_id=12&org_unit_id=7' +
        '&region=%E6%B1%9F%E8%8B%8F%E7%9C%81%E8%8B%8F%E5%B7%9E%E5%B8%82&industry=%E7%94%B5%E5%8A%9B%E8%83%BD%E6%BA%90' +
        '&sort=name&format=xlsx&lang=en-US',
    ],
    [
      'only customers that are not key accounts, newest changes first',
      'is_key_account=false&sort=-updated_at',
      'csv',
      'en-US',
      '/api/v1/customers/export?is_key_account=false&sort=-updated_at&format=csv&lang=en-US',
    ],
    [
      'what the list ignores is not exported either (an unknown stage, a cursor)',
      'stage=lost&cursor=abc&limit=20',
      'csv',
      'zh-CN',
      '/api/v1/customers/export?sort=-id&format=csv&lang=zh-CN',
    ],
  ])('%s', (_what, listSearch, format, lang, url) => {
    expect(exportUrl(listSearch, format, lang)).toBe(url);
  });

  it.each([
    ['en-US', 'en-US'],
    ['zh-CN', 'zh-CN'],
    ['fr', 'zh-CN'],
  ])('exports in the console language: %s → %s', (language, lang) => {
    expect(exportLanguage(language)).toBe(lang);
  });
});
