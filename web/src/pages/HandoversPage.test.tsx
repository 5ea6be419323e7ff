// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Handover } from '../api/types';
import { apiError, mockApi, renderPage } from '../test/renderPage';
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
  successors: [
    { user_id: 8, display_name: 'Ye Feng', counts },
    { user_id: 9, display_name: 'Ma Jun', counts },
  ],
};

describe('the handovers list', () => {
  it('lists handovers with what moved, pages by cursor and opens one', async () => {
    const user = userEvent.setup();
    const calls = mockApi({
      'GET /handovers': (call) =>
        call.query.get('cursor') === 'next-1'
          ? {
              body: {
                items: [{ ...handover, id: 30, from_user_name: 'Gu Min' }],
                next_cursor: null,
              },
            }
          : { body: { items: [handover], next_cursor: 'next-1' } },
    });
    await renderPage(<HandoversPage />, { path: '/handovers' });
    const table = await screen.findByTestId('handovers');
    await within(table).findByText('Fang Xin');
    expect(within(table).getByText('Ye Feng')).toBeTruthy();
    expect(within(table).getByText('16 things')).toBeTruthy();
    expect(within(table).getByText('Customers 12, Next steps 3, Nominations 1')).toBeTruthy();
    expect(within(table).getByText('In turn')).toBeTruthy();
    expect(screen.getByTestId('new-handover')).toBeTruthy();

    await user.click(screen.getByTestId('page-next'));
    await within(table).findByText('Gu Min');
    expect(calls.callsTo('GET /handovers')[1]?.query.get('cursor')).toBe('next-1');

    await user.click(within(table).getByTestId('handover-30'));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/handovers/30');
  });

  it('says when there are none; an executive may not start one', async () => {
    mockApi({ 'GET /handovers': { body: { items: [], next_cursor: null } } });
    await renderPage(<HandoversPage />, { path: '/handovers', role: 'executive' });
    await screen.findByText('No handovers yet');
    expect(screen.queryByTestId('new-handover')).toBeNull();
  });

  it('says when the list cannot be read', async () => {
    mockApi({ 'GET /handovers': apiError(403, 'forbidden') });
    await renderPage(<HandoversPage />, { path: '/handovers' });
    await screen.findByText('Could not load');
    expect(screen.getByText('You may not do this')).toBeTruthy();
  });
});
