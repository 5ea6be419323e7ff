// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, reply, renderSignedIn, setupUser } from '../test/consoleHarness';
import { emptyDay, makeInteraction, makePlan } from '../test/visitFixtures';
import MyDayPage from './MyDayPage';

const today = makePlan({ id: 1, planned_on: '2026-11-24', start_time: '09:30' });
const done = makePlan({
  id: 2,
  planned_on: '2026-11-24',
  start_time: '14:00',
  status: 'completed',
  interaction_id: 30,
});
const missed = makePlan({
  id: 3,
  planned_on: '2026-11-20',
  status: 'missed',
  customer_name: '苏州供电公司',
});

function api(day = { ...emptyDay(), visits_today: [today, done], missed_visits: [missed] }) {
  return fakeApi()
    .on('GET /my-day', day)
    .on('GET /customers/:id', { id: 3, name: today.customer_name, owner_id: 5, owner_name: '王磊' })
    .on('GET /customers/:id/contacts', { items: [], next_cursor: null })
    .on('GET /customers/:id/team', { items: [], next_cursor: null });
}

describe('My day’s visits', () => {
  it('lists today’s visits to complete and the missed ones to deal with', async () => {
    await renderSignedIn(<MyDayPage />, { api: api(), language: 'en-US' });
    const todays = await screen.findByTestId('my-visits-today');
    expect(within(todays).getByText("Today's visits")).toBeTruthy();
    expect(within(todays).getByTestId('visit-complete-1')).toBeTruthy();
    // A completed visit links to its record instead.
    expect(within(todays).queryByTestId('visit-complete-2')).toBeNull();
    expect(within(todays).getByTestId('visit-record-2')).toBeTruthy();
    const late = screen.getByTestId('my-missed-visits');
    expect(within(late).getByText(/2026-11-20 Friday/)).toBeTruthy();
    for (const action of ['Complete late', 'Reschedule', 'Cancel visit']) {
      expect(within(late).getByRole('button', { name: new RegExp(action) })).toBeTruthy();
    }
  });

  it('completes a visit from My day and offers its contact record', async () => {
    const user = setupUser();
    const fake = api().on('POST /visit-plans/:id/complete', () =>
      reply(200, {
        visit_plan: { ...today, status: 'completed', interaction_id: 31 },
        interaction: makeInteraction({ id: 31, visit_plan_id: 1 }),
      }),
    );
    await renderSignedIn(<MyDayPage />, { api: fake });
    await user.click(await screen.findByTestId('visit-complete-1'));
    await screen.findByTestId('visit-complete-form');
    await user.click(screen.getByTestId('visit-complete-ok'));
    expect(await screen.findByTestId('visit-completed')).toBeTruthy();
    expect(screen.getByTestId('visit-record-link').getAttribute('href')).toBe(
      '/customers/3?tab=interactions',
    );
    // My day is read again.
    await waitFor(() => expect(fake.sent('GET /my-day').length).toBeGreaterThan(1));
  });

  it('says plainly when there are no visits', async () => {
    await renderSignedIn(<MyDayPage />, { api: api(emptyDay()), language: 'en-US' });
    expect(await screen.findByText('No visits planned for today')).toBeTruthy();
    expect(screen.getByText('No missed visits')).toBeTruthy();
  });

  it('says what went wrong when the day cannot be read', async () => {
    await renderSignedIn(<MyDayPage />, {
      api: fakeApi().on('GET /my-day', apiError(503, 'internal')),
      language: 'en-US',
    });
    expect(await screen.findByText('Could not load')).toBeTruthy();
  });
});
