import { describe, expect, it } from 'vitest';
import { attachmentFileName } from './contentDisposition';

describe('the file name of a Content-Disposition header', () => {
  it.each<[string, string | null, string | null]>([
    [
      'the UTF-8 name before the plain one',
      `attachment; filename="customers-20261124-1030.csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7-20261124-1030.csv`,
      '客户-20261124-1030.csv',
    ],
    [
      'the UTF-8 name when it comes first',
      `attachment; filename*=utf-8''%E5%AE%A2%E6%88%B7.xlsx; filename="customers.xlsx"`,
      '客户.xlsx',
    ],
    [
      'a language tag in the UTF-8 name',
      `attachment; filename*=UTF-8'zh-CN'%E5%AE%A2%E6%88%B7.csv`,
      '客户.csv',
    ],
    [
      'the plain name alone',
      'attachment; filename="customers-20261124-1030.csv"',
      'customers-20261124-1030.csv',
    ],
    ['a plain name without quotes', 'attachment; filename=customers.csv', 'customers.csv'],
    ['parameter names in any case', 'Attachment; FileName="customers.csv"', 'customers.csv'],
    [
      'a semicolon and escapes inside quotes',
      'attachment; filename="a;b \\"c\\".csv"',
      'a;b "c".csv',
    ],
    [
      'the plain name when the UTF-8 one is not UTF-8',
      `attachment; filename="customers.csv"; filename*=UTF-8''%FF%FE.csv`,
      'customers.csv',
    ],
    [
      'the plain name when the charset is unknown',
      `attachment; filename="customers.csv"; filename*=GBK''%BF%CD.csv`,
      'customers.csv',
    ],
    ['an ISO-8859-1 name', `attachment; filename*=iso-8859-1''caf%E9.csv`, 'café.csv'],
    [
      'no folders in the name',
      'attachment; filename="../../etc/customers.csv"',
      '.._.._etc_customers.csv',
    ],
    ['no name', 'attachment', null],
    ['an empty name', 'attachment; filename=""', null],
    ['no header', null, null],
  ])('%s', (_what, header, name) => {
    expect(attachmentFileName(header)).toBe(name);
  });
});
