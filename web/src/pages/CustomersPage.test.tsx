// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Permission, Role } from '../api/types';
import {
  apiError,
  captureDownloads,
  fakeApi,
  fileReply,
  renderSignedIn,
  setupUser,
  userOf,
  type FakeApi,
} from '../test/consoleHarness';
import { PERMISSIONS_BY_ROLE } from '../test/fixtures';
import CustomersPage from './CustomersPage';

const noCustomers = { items: [], next_cursor: null };
const csvType = 'text/csv; charset=utf-8';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const api = () =>
  fakeApi()
    .on('GET /customers', noCustomers)
    .on('GET /org-units', { items: [], next_cursor: null });

const open = (
  fake: FakeApi,
  role: Role,
  { url = '/customers', language = 'en-US' as 'zh-CN' | 'en-US' } = {},
) =>
  renderSignedIn(<CustomersPage />, {
    api: fake,
    path: '/customers',
    url,
    language,
    user: userOf({ id: 1, display_name: '李娜', role }),
  });

/** Opens the Export menu and picks a format by its label. */
async function exportAs(user: ReturnType<typeof setupUser>, label: string) {
  await user.click(await screen.findByTestId('customer-export'));
  await user.click(await screen.findByText(label));
}

describe('exporting the customer list', () => {
  it('exports the list as filtered, searched and sorted, as CSV in the console language, under the name the server gives', async () => {
    const user = setupUser();
    const downloads = captureDownloads();
    let finish: () => void = () => {};
    const answered = new Promise<void>((resolve) => (finish = resolve));
    const fake = api().on('GET /customers/export', async () => {
      await answered;
      return fileReply('\uFEFFID,Customer name\r\n1,苏州供电公司\r\n2,南京供电公司\r\n', {
        'Content-Type': csvType,
        'Content-Disposition': `attachment; filename="customers-20261124-1030.csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7-20261124-1030.csv`,
        'X-Export-Rows': '2',
      });
    });
    await open(fake, 'specialist', {
      url: '/customers?q=供电&stage=active&sort=name&limit=50',
    });

    // The hint says exports are logged.
    await user.hover(await screen.findByTestId('customer-export'));
    await screen.findByText(
      'Exports the list as filtered, searched and sorted; every export is written to the audit log',
    );

    await exportAs(user, 'CSV');
    const button = screen.getByTestId('customer-export');
    await waitFor(() => expect(button.className).toContain('ant-btn-loading'));
    const [sent] = fake.sent('GET /customers/export');
    expect(Object.fromEntries(sent?.query ?? [])).toEqual({
      q: '供电',
      stage: 'active',
      sort: 'name',
      format: 'csv',
      lang: 'en-US',
    });

    finish();
    await screen.findByText('Exported 2 customers');
    expect(await downloads.saved()).toEqual([
      {
        name: '客户-20261124-1030.csv',
        text: '\uFEFFID,Customer name\r\n1,苏州供电公司\r\n2,南京供电公司\r\n',
      },
    ]);
    await waitFor(() => expect(button.className).not.toContain('ant-btn-loading'));
  });

  it('exports Excel in Chinese, named by the plain file name when that is all there is', async () => {
    const user = setupUser();
    const downloads = captureDownloads();
    const fake = api().on(
      'GET /customers/export',
      fileReply('PK…', {
        'Content-Type': xlsxType,
        'Content-Disposition': 'attachment; filename="customers-20261124-1031.xlsx"',
        'X-Export-Rows': '1',
      }),
    );
    await open(fake, 'admin', { language: 'zh-CN' });
    expect(screen.getByTestId('customer-export').textContent).toBe('导出');
    await exportAs(user, 'Excel（XLSX）');
    await screen.findByText('已导出 1 位客户');
    const [sent] = fake.sent('GET /customers/export');
    expect(sent?.query.get('format')).toBe('xlsx');
    expect(sent?.query.get('lang')).toBe('zh-CN');
    expect((await downloads.saved()).map((d) => d.name)).toEqual(['customers-20261124-1031.xlsx']);
  });

  it('says to narrow the filter when too many customers match, and saves nothing', async () => {
    const user = setupUser();
    const downloads = captureDownloads();
    const fake = api().on(
      'GET /customers/export',
      apiError(
        400,
        'validation_failed',
        { filter: 'too_many_rows' },
        '120000 customers match; at most 100000 are exported at once. Narrow the filter.',
      ),
    );
    await open(fake, 'director');
    await exportAs(user, 'CSV');
    const note = (await screen.findByText('Could not export')).closest('.ant-notification-notice');
    expect(note?.textContent).toContain(
      'Too many customers match to export at once; narrow the filter. 120000 customers match; at most 100000 are exported at once.',
    );
    expect(await downloads.saved()).toEqual([]);
    await waitFor(() =>
      expect(screen.getByTestId('customer-export').className).not.toContain('ant-btn-loading'),
    );
  });

  it.each<[Role, boolean]>([
    ['admin', true],
    ['executive', true],
    ['director', true],
    ['specialist', true],
    ['kam', false],
    ['assistant', false],
    ['service', false],
    ['sales', false],
  ])('is offered by data.export — role %s: %s', async (role, offered) => {
    await open(api(), role);
    await screen.findByText('No customers yet');
    expect(screen.queryByTestId('customer-export') !== null).toBe(offered);
  });

  it.each<[string, Role, Permission[], boolean]>([
    ['a KAM granted data.export', 'kam', [...PERMISSIONS_BY_ROLE.kam, 'data.export'], true],
    [
      'an administrator without it',
      'admin',
      PERMISSIONS_BY_ROLE.admin.filter((p) => p !== 'data.export'),
      false,
    ],
  ])('follows the permission, not the role: %s', async (_who, role, permissions, offered) => {
    await renderSignedIn(<CustomersPage />, {
      api: api(),
      path: '/customers',
      language: 'en-US',
      user: userOf({ id: 1, role }),
      permissions,
    });
    await screen.findByText('No customers yet');
    expect(screen.queryByTestId('customer-export') !== null).toBe(offered);
  });
});
