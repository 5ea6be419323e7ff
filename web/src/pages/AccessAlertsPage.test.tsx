// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AccessAlert } from '../api/types';
import { apiError, mockApi, renderPage } from '../test/renderPage';
import AccessAlertsPage from './AccessAlertsPage';

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
    const user = userEvent.setup();
    const calls = mockApi({
      'GET /access-alerts': (call) =>
        call.query.get('status') === 'acknowledged'
          ? { body: { items: [], next_cursor: null } }
          : { body: { items: [alert], next_cursor: null } },
    });
    await renderPage(<AccessAlertsPage />, { path: '/access-alerts', role: 'specialist' });
    const table = await screen.findByTestId('access-alerts');
    await within(table).findByText('Huang Zhiyuan');
    expect(within(table).getByText('250 customers (threshold 200)')).toBeTruthy();
    expect(within(table).getByText('Open')).toBeTruthy();
    expect(within(table).getByTestId('alert-5').getAttribute('href')).toBe('/access-alerts/5');
    expect(calls.callsTo('GET /access-alerts')[0]?.query.get('status')).toBe('open');

    await user.click(screen.getByText('Acknowledged'));
    await screen.findByText('No acknowledged alerts');
    expect(calls.callsTo('GET /access-alerts').at(-1)?.query.get('status')).toBe('acknowledged');
  });

  it('says when no alert is open', async () => {
    mockApi({ 'GET /access-alerts': { body: { items: [], next_cursor: null } } });
    await renderPage(<AccessAlertsPage />, { path: '/access-alerts', language: 'zh-CN' });
    await screen.findByText('没有待处理的告警');
  });

  it('says when the alerts cannot be read', async () => {
    mockApi({ 'GET /access-alerts': apiError(403, 'forbidden') });
    await renderPage(<AccessAlertsPage />, { path: '/access-alerts' });
    await screen.findByText('You may not do this');
  });
});
