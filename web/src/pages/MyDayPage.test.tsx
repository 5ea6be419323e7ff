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
import { makeEnding } from '../test/contractFixtures';
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

describe('My day’s contracts ending', () => {
  it('lists the contracts ending soonest first, each leading to its dossier’s contracts', async () => {
    const day = {
      ...emptyDay(),
      contracts_ending: [
        makeEnding({ contract_id: 7, ends_on: '2026-11-24', in_days: 0 }),
        makeEnding({
          contract_id: 8,
          number: 'HT-2026-018',
          title: '充电站运维服务合同',
          customer_id: 4,
          customer_name: '苏州供电公司',
          ends_on: '2026-12-04',
          in_days: 10,
        }),
      ],
    };
    await renderSignedIn(<MyDayPage />, { api: api(day) });
    const section = await screen.findByTestId('my-contracts-ending');
    expect(within(section).getByText('合同到期提醒')).toBeTruthy();
    const today = within(section).getByTestId('contract-ending-7');
    expect(today.textContent).toContain('2026-11-24 · 今天到期');
    const later = within(section).getByTestId('contract-ending-8');
    expect(later.textContent).toContain('2026-12-04 · 10 天后到期');
    expect(later.textContent).toContain('HT-2026-018 · 充电站运维服务合同');
    expect(within(later).getByRole('link', { name: '苏州供电公司' }).getAttribute('href')).toBe(
      '/customers/4?tab=contracts',
    );
    const items = within(section).getAllByTestId(/^contract-ending-/);
    expect(items.map((i) => i.dataset.testid)).toEqual(['contract-ending-7', 'contract-ending-8']);
  });

  it('says in English how many days are left, and when none ends', async () => {
    const day = {
      ...emptyDay(),
      contracts_ending: [makeEnding({ contract_id: 9, ends_on: '2026-11-25', in_days: 1 })],
    };
    const { unmount } = await renderSignedIn(<MyDayPage />, {
      api: api(day),
      language: 'en-US',
    });
    const section = await screen.findByTestId('my-contracts-ending');
    expect(within(section).getByText('Contracts ending')).toBeTruthy();
    expect(within(section).getByTestId('contract-ending-9').textContent).toContain(
      '2026-11-25 · in 1 day',
    );
    unmount();
    await renderSignedIn(<MyDayPage />, { api: api(emptyDay()), language: 'en-US' });
    expect(await screen.findByText('No contract ends in the next 30 days')).toBeTruthy();
  });
});
