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
  type FakeApi,
} from '../test/consoleHarness';
import HandoverPage from './HandoverPage';

const counts = {
  customer: 1,
  team_seat: 0,
  next_step: 1,
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
  mode: 'single',
  at: '2026-03-01T08:00:00Z',
  counts,
  dropped_team_seats: 0,
  successors: [{ user_id: 8, display_name: 'Ye Feng', counts }],
  items: [
    {
      kind: 'customer',
      entity_id: 101,
      customer_id: 101,
      customer_name: 'Hangzhou Power',
      to_user_id: 8,
      to_user_name: 'Ye Feng',
      dropped: false,
    },
    {
      kind: 'next_step',
      entity_id: 55,
      customer_id: 101,
      customer_name: 'Hangzhou Power',
      to_user_id: 8,
      to_user_name: 'Ye Feng',
      dropped: false,
    },
    {
      kind: 'nomination',
      entity_id: 9,
      customer_id: 101,
      customer_name: 'Hangzhou Power',
      to_user_id: 8,
      to_user_name: 'Ye Feng',
      dropped: false,
    },
  ],
};

const open = (fake: FakeApi, id: number) =>
  renderSignedIn(<HandoverPage />, {
    api: fake,
    path: '/handovers/:id',
    url: `/handovers/${id}`,
    user: userOf({ id: 1, display_name: 'Chen Admin', role: 'admin' }),
    language: 'en-US',
  });

describe('a handover', () => {
  it('shows who left, what moved to whom, and every moved thing', async () => {
    await open(fakeApi().on('GET /handovers/31', handover), 31);
    expect((await screen.findByTestId('handover-title')).textContent).toBe('Handover of Fang Xin');
    expect(screen.getByText('Chen Admin')).toBeTruthy();
    expect(within(screen.getByTestId('successor-counts')).getByText('Ye Feng')).toBeTruthy();
    const items = screen.getByTestId('handover-items');
    const link = within(items).getByRole('link', { name: 'Hangzhou Power' });
    expect(link.getAttribute('href')).toBe('/customers/101');
    expect(
      screen
        .getByRole('link', { name: 'Cadence breaches after this handover' })
        .getAttribute('href'),
    ).toBe('/handovers/decay?handover_id=31');
  });

  it('tells the seats removed, not moved, where the successor already covered the account', async () => {
    const user = setupUser();
    const seat = {
      kind: 'team_seat' as const,
      entity_id: 102,
      customer_id: 102,
      customer_name: 'Ningbo Port',
      to_user_id: 8,
      to_user_name: 'Ye Feng',
      dropped: true,
    };
    await open(
      fakeApi().on('GET /handovers/34', {
        ...handover,
        id: 34,
        dropped_team_seats: 1,
        items: [...(handover.items ?? []), seat],
      }),
      34,
    );
    expect((await screen.findByTestId('dropped-seats')).textContent).toContain(
      '1 team seats are removed rather than moved',
    );
    await user.click(within(screen.getByTestId('handover-items')).getByText('Account-team seats'));
    expect((await screen.findByTestId('dropped-102')).textContent).toBe('seat removed');
  });

  it('says when it is not there (404)', async () => {
    await open(fakeApi().on('GET /handovers/32', apiError(404, 'not_found')), 32);
    await screen.findByText('This handover does not exist, or you may not see it.');
  });

  it('offers a retry when it cannot be read', async () => {
    await open(fakeApi().on('GET /handovers/33', apiError(500, 'internal')), 33);
    await screen.findByText('The server failed; please try again later');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
