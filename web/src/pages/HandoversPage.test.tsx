// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Handover } from '../api/types';
import {
  apiError,
  fakeApi,
  renderSignedIn,
  setupUser,
  userOf,
  waitForNoSpinner,
} from '../test/consoleHarness';
import HandoversPage from './HandoversPage';

const counts = {
  customer: 12,
  team_seat: 0,
  next_step: 3,
  request: 0,
  nomination: 1,
  visit_plan: 0,
  notification: 0,
};
const handover: Handover = {
  id: 31,
  from_user_id: 7,
  from_user_name: 'Fang Xin',
  actor_id: 1,
  actor_name: 'Chen Admin',
  mode: 'round_robin',
  at: '2026-03-01T08:00:00Z',
  counts,
  dropped_team_seats: 0,
  successors: [
    { user_id: 8, display_name: 'Ye Feng', counts },
    { user_id: 9, display_name: 'Ma Jun', counts },
  ],
};

const admin = userOf({ id: 1, display_name: 'Chen Admin', role: 'admin' });

describe('the handovers list', () => {
  it('lists handovers with what moved, pages by cursor and opens one', async () => {
    const user = setupUser();
    const fake = fakeApi().on('GET /handovers', (call) =>
      call.query.get('cursor') === 'next-1'
        ? { items: [{ ...handover, id: 30, from_user_name: 'Gu Min' }], next_cursor: null }
        : { items: [handover], next_cursor: 'next-1' },
    );
    await renderSignedIn(<HandoversPage />, {
      api: fake,
      path: '/handovers',
      user: admin,
      language: 'en-US',
    });
    const table = await screen.findByTestId('handovers');
    await within(table).findByText('Fang Xin');
    expect(within(table).getByText('Ye Feng')).toBeTruthy();
    expect(within(table).getByText('16 things')).toBeTruthy();
    expect(within(table).getByText('Customers 12, Next steps 3, Nominations 1')).toBeTruthy();
    expect(within(table).getByText('In turn')).toBeTruthy();
    expect(screen.getByTestId('new-handover')).toBeTruthy();

    await user.click(screen.getByTestId('page-next'));
    await within(table).findByText('Gu Min');
    expect(fake.sent('GET /handovers')[1]?.query.get('cursor')).toBe('next-1');

    await waitForNoSpinner(table);
    await user.click(within(table).getByTestId('handover-30'));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/handovers/30');
  });

  it('says when there are none; an executive may not start one', async () => {
    const fake = fakeApi().on('GET /handovers', { items: [], next_cursor: null });
    await renderSignedIn(<HandoversPage />, {
      api: fake,
      path: '/handovers',
      user: userOf({ id: 3, display_name: 'Huang Zhiyuan', role: 'executive' }),
      language: 'en-US',
    });
    await screen.findByText('No handovers yet');
    expect(screen.queryByTestId('new-handover')).toBeNull();
  });

  it('says when the list cannot be read', async () => {
    const fake = fakeApi().on('GET /handovers', apiError(403, 'forbidden'));
    await renderSignedIn(<HandoversPage />, {
      api: fake,
      path: '/handovers',
      user: admin,
      language: 'en-US',
    });
    await screen.findByText('Could not load');
    expect(screen.getByText('You may not do this')).toBeTruthy();
  });
});
