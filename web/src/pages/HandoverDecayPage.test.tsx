// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HandoverDecay } from '../api/types';
import { apiError, fakeApi, renderSignedIn, userOf } from '../test/consoleHarness';
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

const director = userOf({ id: 2, display_name: '周志强', role: 'director' });

describe('cadence breaches after handover', () => {
  it('lists accounts that slipped, linked to their dossier and handover', async () => {
    const fake = fakeApi().on('GET /handovers/decay', { items: [decay], next_cursor: null });
    await renderSignedIn(<HandoverDecayPage />, {
      api: fake,
      path: '/handovers/decay',
      user: director,
    });
    const table = await screen.findByTestId('decay');
    const customer = await within(table).findByRole('link', { name: 'Hangzhou Power' });
    expect(customer.getAttribute('href')).toBe('/customers/101');
    expect(within(table).getByText('逾期未联系')).toBeTruthy();
    expect(within(table).getByText('Fang Xin')).toBeTruthy();
    expect(within(table).getByText('Ye Feng')).toBeTruthy();
    expect(within(table).getByText('2026-04-02')).toBeTruthy();
  });

  it("narrows to one handover's accounts from the URL, and says when there are none", async () => {
    const fake = fakeApi().on('GET /handovers/decay', { items: [], next_cursor: null });
    await renderSignedIn(<HandoverDecayPage />, {
      api: fake,
      path: '/handovers/decay',
      url: '/handovers/decay?handover_id=31',
      user: director,
      language: 'en-US',
    });
    await screen.findByText('No account slipped after a handover.');
    expect(screen.getByTestId('decay-of-handover')).toBeTruthy();
    expect(fake.sent('GET /handovers/decay')[0]?.query.get('handover_id')).toBe('31');
  });

  it('says when the list cannot be read', async () => {
    const fake = fakeApi().on('GET /handovers/decay', apiError(400, 'validation_failed'));
    await renderSignedIn(<HandoverDecayPage />, {
      api: fake,
      path: '/handovers/decay',
      user: director,
      language: 'en-US',
    });
    await screen.findByText('Could not load');
  });
});
