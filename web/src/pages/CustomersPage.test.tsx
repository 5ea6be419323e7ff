// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
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

// 华东区域 (2) and 华北区域 (3) under the head office, with a city below each of them.
const orgUnits = {
  items: [
    [1, null, '总部', 'company'],
    [2, 1, '华东区域', 'region'],
    [3, 1, '华北区域', 'region'],
    [6, 2, '上海分公司', 'city'],
    [7, 2, '苏州分公司', 'city'],
    [10, 3, '北京分公司', 'city'],
  ].map(([id, parent_id, name, kind]) => ({
    id,
    parent_id,
    name,
    kind,
    version: 1,
    created_at: '2026-01-05T08:00:00Z',
    updated_at: '2026-01-05T08:00:00Z',
  })),
  next_cursor: null,
};

const unitsApi = () => fakeApi().on('GET /customers', noCustomers).on('GET /org-units', orgUnits);

/** The names the org-unit filter offers, once opened. */
async function offeredUnits(user: ReturnType<typeof setupUser>): Promise<string[]> {
  await user.click(
    within(await screen.findByTestId('customer-org-unit-filter')).getByRole('combobox'),
  );
  await screen.findAllByRole('treeitem');
  return [...document.querySelectorAll('.ant-select-tree-title')].map((e) => e.textContent ?? '');
}

describe('filtering the customer list by org unit', () => {
  it('offers a director their own unit and those below it, sends the unit picked, keeps it in the URL, exports with it, and the reset clears it', async () => {
    const user = setupUser();
    captureDownloads();
    const fake = unitsApi().on(
      'GET /customers/export',
      fileReply('ID\r\n', { 'Content-Type': csvType, 'X-Export-Rows': '0' }),
    );
    const { router } = await renderSignedIn(<CustomersPage />, {
      api: fake,
      path: '/customers',
      language: 'zh-CN',
      user: userOf({ id: 1, role: 'director', org_unit_id: 2 }),
    });

    expect(await offeredUnits(user)).toEqual(['华东区域', '上海分公司', '苏州分公司']);
    await user.click(screen.getByText('苏州分公司'));
    await waitFor(() => expect(router.state.location.search).toBe('?org_unit_id=7'));
    await waitFor(() =>
      expect(fake.sent('GET /customers').at(-1)?.query.get('org_unit_id')).toBe('7'),
    );

    await exportAs(user, 'CSV');
    await waitFor(() => expect(fake.sent('GET /customers/export')).toHaveLength(1));
    expect(fake.sent('GET /customers/export')[0]?.query.get('org_unit_id')).toBe('7');

    await user.click(screen.getByRole('button', { name: '重置' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() =>
      expect(fake.sent('GET /customers').at(-1)?.query.has('org_unit_id')).toBe(false),
    );
  });

  it('reads the unit from the URL and names it', async () => {
    const fake = unitsApi();
    await open(fake, 'admin', { url: '/customers?org_unit_id=10' });
    const filter = await screen.findByTestId('customer-org-unit-filter');
    await waitFor(() => expect(filter.textContent).toContain('北京分公司'));
    expect(fake.sent('GET /customers')[0]?.query.get('org_unit_id')).toBe('10');
  });

  it.each<[Role, string[]]>([
    ['kam', ['总部', '华东区域', '上海分公司', '苏州分公司', '华北区域', '北京分公司']],
    ['specialist', ['总部', '华东区域', '上海分公司', '苏州分公司', '华北区域', '北京分公司']],
    ['service', ['华北区域', '北京分公司']],
  ])('offers a %s the units whose customers they may see: %s', async (role, want) => {
    const user = setupUser();
    await renderSignedIn(<CustomersPage />, {
      api: unitsApi(),
      path: '/customers',
      language: 'en-US',
      user: userOf({ id: 1, role, org_unit_id: 3 }),
    });
    expect(await offeredUnits(user)).toEqual(want);
    expect(screen.getByRole('combobox', { name: 'Org unit' })).toBeTruthy();
  });

  it('is not offered, and says nothing, when the org units cannot be read', async () => {
    const fake = fakeApi()
      .on('GET /customers', noCustomers)
      .on('GET /org-units', apiError(403, 'forbidden'));
    await open(fake, 'director');
    await screen.findByText('No customers yet');
    await waitFor(() => expect(fake.sent('GET /org-units')).toHaveLength(1));
    expect(screen.queryByTestId('customer-org-unit-filter')).toBeNull();
    expect(screen.queryByText('Could not load')).toBeNull();
  });
});
