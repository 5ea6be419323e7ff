// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccessAlert } from '../api/types';
import { apiError, fakeApi, renderSignedIn, setupUser, userOf } from '../test/consoleHarness';
import AccessAlertsPage from './AccessAlertsPage';

const specialist = userOf({ id: 1, display_name: 'Li Na', role: 'specialist' });
const alert: AccessAlert = {
  id: 5,
  user_id: 12,
  username: 'huang.zhiyuan',
  user_name: 'Huang Zhiyuan',
  role: 'executive',
  customers: 250,
  reads: 400,
  threshold: 200,
  window_start: '2026-03-01T08:00:00Z',
  window_end: '2026-03-01T08:10:00Z',
  top_customers: [{ customer_id: 101, customer_name: 'Hangzhou Power', reads: 9 }],
  status: 'open',
  version: 1,
  created_at: '2026-03-01T08:11:00Z',
  acknowledged_at: null,
  acknowledged_by: null,
  acknowledged_by_name: null,
  comment: '',
};

describe('the bulk-access alerts', () => {
  it('lists the open alerts first, and the acknowledged ones on request', async () => {
    const user = setupUser();
    const fake = fakeApi().on('GET /access-alerts', (call) =>
      call.query.get('status') === 'acknowledged'
        ? { items: [], next_cursor: null }
        : { items: [alert], next_cursor: null },
    );
    await renderSignedIn(<AccessAlertsPage />, {
      api: fake,
      path: '/access-alerts',
      user: specialist,
      language: 'en-US',
    });
    const table = await screen.findByTestId('access-alerts');
    await within(table).findByText('Huang Zhiyuan');
    expect(within(table).getByText('250 customers (threshold 200)')).toBeTruthy();
    expect(within(table).getByText('Open')).toBeTruthy();
    expect(within(table).getByTestId('alert-5').getAttribute('href')).toBe('/access-alerts/5');
    expect(fake.sent('GET /access-alerts')[0]?.query.get('status')).toBe('open');

    await user.click(screen.getByText('Acknowledged'));
    await screen.findByText('No acknowledged alerts');
    expect(fake.sent('GET /access-alerts').at(-1)?.query.get('status')).toBe('acknowledged');
  });

  it('says when no alert is open', async () => {
    const fake = fakeApi().on('GET /access-alerts', { items: [], next_cursor: null });
    await renderSignedIn(<AccessAlertsPage />, {
      api: fake,
      path: '/access-alerts',
      user: specialist,
    });
    await screen.findByText('没有待处理的告警');
  });

  it('says when the alerts cannot be read', async () => {
    const fake = fakeApi().on('GET /access-alerts', apiError(403, 'forbidden'));
    await renderSignedIn(<AccessAlertsPage />, {
      api: fake,
      path: '/access-alerts',
      user: specialist,
      language: 'en-US',
    });
    await screen.findByText('You may not do this');
  });
});
