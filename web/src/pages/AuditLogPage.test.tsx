// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../api/types';
import { RouteGuard } from '../app/RouteGuard';
import { ROUTES } from '../app/routeTable';
import {
  apiError,
  fakeApi,
  fill,
  renderSignedIn,
  setupUser,
  userOf,
  waitForNoSpinner,
} from '../test/consoleHarness';
import AuditLogPage from './AuditLogPage';

function record(fields: Partial<AuditRecord> & Pick<AuditRecord, 'id'>): AuditRecord {
  return {
    at: '2026-03-01T08:00:00Z',
    actor_id: 2,
    actor_name: 'specialist',
    action: 'customer.update',
    entity: 'customer',
    entity_id: 7,
    customer_id: 7,
    changes: [],
    request_id: `req-${fields.id}`,
    client_addr: '10.0.0.8',
    hash: 'ab',
    ...fields,
  };
}

const exportRow = record({
  id: 90,
  action: 'customer.export',
  entity_id: null,
  customer_id: null,
  changes: [
    { field: 'format', before: null, after: 'csv' },
    { field: 'rows', before: null, after: '1234' },
    { field: 'filter', before: null, after: 'stage=active&sort=-id' },
  ],
});
const refusal = record({
  id: 89,
  actor_id: 5,
  actor_name: 'kam.sh',
  action: 'access.denied',
  entity: 'audit',
  entity_id: null,
  customer_id: null,
  changes: [{ field: 'permission', before: null, after: 'read the audit log' }],
});
const edit = record({
  id: 88,
  changes: [
    { field: 'stage', before: 'target', after: 'active' },
    { field: 'loyalty', before: null, after: 'loyal' },
    { field: 'region', before: '上海', after: '南京' },
  ],
});
const failedLogin = record({
  id: 87,
  actor_id: null,
  actor_name: 'nobody',
  action: 'auth.login_failed',
  entity: 'session',
  entity_id: null,
  customer_id: null,
});

const specialist = userOf({ id: 2, display_name: 'Ma Li', role: 'specialist' });
const admin = userOf({ id: 1, display_name: 'Chen Admin', role: 'admin' });

describe('the audit log', () => {
  it('shows each record in words, exports with what left, links the customer, expands and pages', async () => {
    const user = setupUser();
    const fake = fakeApi().on('GET /audit', (call) =>
      call.query.get('cursor') === 'next-1'
        ? { items: [failedLogin], next_cursor: null }
        : { items: [exportRow, refusal, edit], next_cursor: 'next-1' },
    );
    await renderSignedIn(<AuditLogPage />, {
      api: fake,
      path: '/audit-log',
      user: specialist,
      language: 'en-US',
    });
    const table = await screen.findByTestId('audit-log');
    await within(table).findByText('Exported CSV, 1,234 customers, filter: stage=active, sort=-id');
    expect(within(table).getByText('Customer list exported')).toBeTruthy();
    expect(within(table).getByText('Access refused')).toBeTruthy();
    expect(within(table).getByText('Refused: read the audit log')).toBeTruthy();
    expect(within(table).getByText('Audit log')).toBeTruthy();
    expect(
      within(table).getByText('Stage: Target → Active customer; Loyalty: Loyal; 1 more'),
    ).toBeTruthy();
    expect(within(table).getByText('Dossier #7')).toBeTruthy();
    expect(fake.sent('GET /audit')[0]?.query.get('limit')).toBe('20');

    // The edit's every change, with the request it came with.
    const editRow = table.querySelector('tr.audit-row-88') as HTMLElement;
    await user.click(within(editRow).getByRole('button', { name: /expand/i }));
    const changes = await screen.findByTestId('audit-changes-88');
    expect(within(changes).getByText('Region: 上海 → 南京')).toBeTruthy();
    expect(screen.getByText('req-88')).toBeTruthy();

    await user.click(screen.getByTestId('page-next'));
    await within(table).findByText('Sign-in failed');
    expect(within(table).getByText('nobody')).toBeTruthy();
    expect(fake.sent('GET /audit').at(-1)?.query.get('cursor')).toBe('next-1');
    expect(screen.getByTestId('page-number').textContent).toBe('Page 2');

    await user.click(screen.getByTestId('page-previous'));
    await within(table).findByText('Customer list exported');
    // The first page is read again; its rows are clickable once it has been.
    await waitFor(() =>
      expect(screen.getByTestId('page-next').hasAttribute('disabled')).toBe(false),
    );
    await waitForNoSpinner(table);
    await user.click(within(table).getByText('Dossier #7'));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/customers/7');
  });

  it('sends the filters in the URL, the quick filters and the customer chosen, and clears them', async () => {
    const user = setupUser();
    const fake = fakeApi()
      .on('GET /audit', { items: [exportRow], next_cursor: null })
      .on('GET /users', {
        items: [userOf({ id: 5, display_name: 'Wang Lei' })],
        next_cursor: null,
      });
    const { router } = await renderSignedIn(<AuditLogPage />, {
      api: fake,
      path: '/audit-log',
      url: '/audit-log?actor_id=5&from=2026-03-01&to=2026-03-02',
      user: admin,
      language: 'en-US',
    });
    await screen.findByText('Exported CSV, 1,234 customers, filter: stage=active, sort=-id');
    const first = fake.sent('GET /audit')[0]?.query;
    expect(first?.get('actor_id')).toBe('5');
    expect(first?.get('from')).toBe(dayjs('2026-03-01T00:00:00').toISOString());
    expect(first?.get('to')).toBe(dayjs('2026-03-03T00:00:00').toISOString());
    expect(first?.has('action')).toBe(false);

    const exportsButton = screen.getByTestId('audit-quick-exports');
    expect(exportsButton.getAttribute('aria-pressed')).toBe('false');
    await user.click(exportsButton);
    await waitFor(() =>
      expect(fake.sent('GET /audit').at(-1)?.query.get('action')).toBe('customer.export'),
    );
    expect(router.state.location.search).toContain('action=customer.export');
    expect(screen.getByTestId('audit-quick-exports').getAttribute('aria-pressed')).toBe('true');

    await user.click(screen.getByTestId('audit-quick-refusals'));
    await waitFor(() =>
      expect(fake.sent('GET /audit').at(-1)?.query.get('action')).toBe('access.denied'),
    );

    fill(screen.getByTestId('audit-customer-filter'), '42');
    await waitFor(() =>
      expect(fake.sent('GET /audit').at(-1)?.query.get('customer_id')).toBe('42'),
    );
    const last = fake.sent('GET /audit').at(-1)?.query;
    expect(last?.get('actor_id')).toBe('5');
    expect(last?.get('action')).toBe('access.denied');
    expect(router.state.location.search).toBe(
      '?action=access.denied&actor_id=5&customer_id=42&from=2026-03-01&to=2026-03-02',
    );

    await user.click(screen.getByTestId('audit-clear'));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    const cleared = fake.sent('GET /audit').at(-1)?.query;
    expect([...(cleared?.keys() ?? [])]).toEqual(['limit']);
  });

  it('says when nothing matches, and when the log cannot be read', async () => {
    const fake = fakeApi().on('GET /audit', { items: [], next_cursor: null });
    await renderSignedIn(<AuditLogPage />, {
      api: fake,
      path: '/audit-log',
      url: '/audit-log?action=customer.export',
      user: specialist,
    });
    await screen.findByText('没有符合筛选条件的审计记录');
    fake.on('GET /audit', apiError(503, 'unavailable'));
    await renderSignedIn(<AuditLogPage />, {
      api: fake,
      path: '/audit-log',
      user: specialist,
      language: 'en-US',
    });
    await screen.findByText('Could not load');
  });

  it('opens for those with audit.read only', async () => {
    const route = ROUTES.find((r) => r.key === 'auditLog');
    if (!route) throw new Error('no audit log route');
    const fake = fakeApi().on('GET /audit', { items: [exportRow], next_cursor: null });
    await renderSignedIn(<RouteGuard route={route} />, {
      api: fake,
      user: userOf({ id: 5, display_name: '王磊', role: 'kam' }),
    });
    await screen.findByText('403');
    expect(fake.sent('GET /audit')).toEqual([]);

    await renderSignedIn(<RouteGuard route={route} />, { api: fake, user: specialist });
    await screen.findByText('导出 CSV，1,234 位客户，筛选：stage=active、sort=-id');
  });
});
