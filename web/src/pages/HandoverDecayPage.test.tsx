// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HandoverDecay } from '../api/types';
import { apiError, mockApi, renderPage } from '../test/renderPage';
import HandoverDecayPage from './HandoverDecayPage';

const decay: HandoverDecay = {
  handover_id: 31,
  customer_id: 101,
  customer_name: 'Hangzhou Power',
  handed_over_at: '2026-03-01T08:00:00Z',
  from_user_id: 7,
  from_user_name: 'Fang Xin',
  to_user_id: 8,
  to_user_name: 'Ye Feng',
  kind: 'overdue',
  since: '2026-04-02',
  flagged_at: '2026-04-03T16:10:00Z',
};

describe('cadence breaches after handover', () => {
  it('lists accounts that slipped, linked to their dossier and handover', async () => {
    mockApi({ 'GET /handovers/decay': { body: { items: [decay], next_cursor: null } } });
    await renderPage(<HandoverDecayPage />, { path: '/handovers/decay', language: 'zh-CN' });
    const table = await screen.findByTestId('decay');
    const customer = await within(table).findByRole('link', { name: 'Hangzhou Power' });
    expect(customer.getAttribute('href')).toBe('/customers/101');
    expect(within(table).getByText('逾期未联系')).toBeTruthy();
    expect(within(table).getByText('Fang Xin')).toBeTruthy();
    expect(within(table).getByText('Ye Feng')).toBeTruthy();
    expect(within(table).getByText('2026-04-02')).toBeTruthy();
  });

  it("narrows to one handover's accounts from the URL, and says when there are none", async () => {
    const calls = mockApi({
      'GET /handovers/decay': { body: { items: [], next_cursor: null } },
    });
    await renderPage(<HandoverDecayPage />, {
      path: '/handovers/decay',
      url: '/handovers/decay?handover_id=31',
    });
    await screen.findByText('No account slipped after a handover.');
    expect(screen.getByTestId('decay-of-handover')).toBeTruthy();
    expect(calls.callsTo('GET /handovers/decay')[0]?.query.get('handover_id')).toBe('31');
  });

  it('says when the list cannot be read', async () => {
    mockApi({ 'GET /handovers/decay': apiError(400, 'validation_failed') });
    await renderPage(<HandoverDecayPage />, { path: '/handovers/decay' });
    await screen.findByText('Could not load');
  });
});
