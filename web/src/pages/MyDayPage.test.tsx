// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CadenceBreach } from '../api/types';
import {
  apiError,
  fakeApi,
  reply,
  renderSignedIn,
  setupUser,
  userOf,
} from '../test/consoleHarness';
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

describe('My day’s long lists', () => {
  const overdue = (id: number): CadenceBreach => ({
    customer_id: id,
    customer_name: `客户${id}`,
    tier: null,
    owner_id: 5,
    owner_name: '王磊',
    org_unit_id: 2,
    kind: 'overdue',
    since: '2026-10-01',
    due_on: '2026-10-01',
    days_overdue: 54,
    last_contact_at: null,
    contacts_in_period: 0,
    min_interval_days: 14,
    max_contacts: null,
    period_days: 7,
    notified_owner_at: null,
    notified_director_at: null,
  });
  const cut = { ...emptyDay(), overdue: [overdue(1), overdue(2)], more: ['overdue' as const] };

  it('says a section is cut where the server cut it, and leads overseers to the whole list', async () => {
    await renderSignedIn(<MyDayPage />, {
      api: api(cut),
      user: userOf({ id: 7, role: 'director', display_name: '周总' }),
      language: 'en-US',
    });
    const note = await screen.findByTestId('my-overdue-more');
    expect(note.textContent).toContain('Showing the first 100');
    expect(within(note).getByRole('link', { name: 'See all' }).getAttribute('href')).toBe(
      '/cadence-breaches?kind=overdue&owner_id=7',
    );
    // Whole sections say nothing.
    expect(screen.queryByTestId('my-over-contacted-more')).toBeNull();
  });

  it('tells a KAM the list is cut without a link to a page they cannot open', async () => {
    await renderSignedIn(<MyDayPage />, { api: api(cut) });
    const note = await screen.findByTestId('my-overdue-more');
    expect(note.textContent).toContain('仅显示前 100 条');
    expect(within(note).queryByRole('link')).toBeNull();
  });
});
