// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccessAlert } from '../api/types';
import {
  apiError,
  fakeApi,
  renderSignedIn,
  setupUser,
  userOf,
  type FakeApi,
} from '../test/consoleHarness';
import AccessAlertPage from './AccessAlertPage';

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
const acknowledged: AccessAlert = {
  ...alert,
  status: 'acknowledged',
  version: 2,
  acknowledged_at: '2026-03-01T09:00:00Z',
  acknowledged_by: 3,
  acknowledged_by_name: 'Liu Fang',
  comment: 'Preparing the board review.',
};

const open = (fake: FakeApi) =>
  renderSignedIn(<AccessAlertPage />, {
    api: fake,
    path: '/access-alerts/:id',
    url: '/access-alerts/5',
    user: userOf({ id: 1, display_name: 'Li Na', role: 'specialist' }),
    language: 'en-US',
  });

describe('a bulk-access alert', () => {
  it('shows what was read and is acknowledged with a comment', async () => {
    const user = setupUser();
    let state = alert;
    const fake = fakeApi()
      .on('GET /access-alerts/5', () => state)
      .on('POST /access-alerts/5/acknowledge', () => {
        state = acknowledged;
        return acknowledged;
      });
    await open(fake);
    expect((await screen.findByTestId('alert-title')).textContent).toBe(
      'Bulk access by Huang Zhiyuan',
    );
    const customers = screen.getByTestId('alert-customers');
    expect(within(customers).getByRole('link', { name: 'Hangzhou Power' })).toBeTruthy();

    // A comment is required before anything is sent.
    await user.click(screen.getByTestId('acknowledge-submit'));
    await screen.findByText('Required');
    expect(fake.sent('POST /access-alerts/5/acknowledge')).toEqual([]);

    await user.type(screen.getByTestId('acknowledge-comment'), '  Preparing the board review. ');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByText('Alert acknowledged');
    expect(fake.sent('POST /access-alerts/5/acknowledge')[0]?.body).toEqual({
      comment: 'Preparing the board review.',
    });
    expect((await screen.findByTestId('alert-comment')).textContent).toBe(
      'Preparing the board review.',
    );
    expect(screen.queryByTestId('acknowledge')).toBeNull();
  });

  it("shows the server's problem with the comment on its field", async () => {
    const user = setupUser();
    const fake = fakeApi()
      .on('GET /access-alerts/5', alert)
      .on(
        'POST /access-alerts/5/acknowledge',
        apiError(400, 'validation_failed', { comment: 'too_long' }),
      );
    await open(fake);
    await user.type(await screen.findByTestId('acknowledge-comment'), 'Looked into it');
    await user.click(screen.getByTestId('acknowledge-submit'));
    await screen.findByText('Too long');
  });

  it('says when someone acknowledged it meanwhile (409) and shows their comment', async () => {
    const user = setupUser();
    let state = alert;
    const fake = fakeApi()
      .on('GET /access-alerts/5', () => state)
      .on('POST /access-alerts/5/acknowledge', () => {
        state = acknowledged;
        return apiError(409, 'conflict');
      });
    await open(fake);
    await user.type(await screen.findByTestId('acknowledge-comment'), 'Looked into it');
    await user.click(screen.getByTestId('acknowledge-submit'));
    await screen.findByText(/Someone acknowledged this alert meanwhile/);
    expect((await screen.findByTestId('alert-comment')).textContent).toBe(
      'Preparing the board review.',
    );
  });

  it('says when the alert does not exist', async () => {
    await open(fakeApi().on('GET /access-alerts/5', apiError(404, 'not_found')));
    await screen.findByText('This alert does not exist.');
  });
});
