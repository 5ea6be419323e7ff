// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, renderSignedIn, setupUser, userOf } from '../test/consoleHarness';
import { makePlan } from '../test/visitFixtures';
import VisitPlansPage from './VisitPlansPage';

// Today is Tuesday 2026-11-24 in China: the week runs 2026-11-23 to 2026-11-29.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T02:00:00Z'));
});
afterEach(() => vi.useRealTimers());

const plans = [
  makePlan({ id: 1, planned_on: '2026-11-23', start_time: '10:00', status: 'missed' }),
  makePlan({
    id: 2,
    planned_on: '2026-11-24',
    start_time: '09:30',
    status: 'completed',
    interaction_id: 31,
  }),
  makePlan({
    id: 3,
    planned_on: '2026-11-26',
    start_time: null,
    customer_name: '苏州供电公司',
    customer_id: 8,
  }),
  makePlan({ id: 4, planned_on: '2026-11-27', status: 'cancelled', cancel_reason: '客户出差' }),
];

function listAnswer(items = plans) {
  return { items, next_cursor: null };
}

describe('the visit plan calendar', () => {
  it('shows the week’s plans by day, Monday to Sunday, each with its status', async () => {
    const fake = fakeApi().on('GET /visit-plans', listAnswer());
    await renderSignedIn(<VisitPlansPage />, { api: fake, url: '/visit-plans' });
    const week = await screen.findByTestId('visit-week');
    await within(week).findByTestId('visit-3');
    const [sent] = fake.sent('GET /visit-plans');
    expect(Object.fromEntries(sent?.query ?? [])).toMatchObject({
      owner_id: '5',
      from: '2026-11-23',
      to: '2026-11-29',
    });
    const days = within(week).getAllByRole('region');
    expect(days).toHaveLength(7);
    expect(days[0]?.getAttribute('aria-label')).toContain('2026-11-23');
    expect(within(days[0] as HTMLElement).getByTestId('visit-status-missed')).toBeTruthy();
    expect(within(days[1] as HTMLElement).getByTestId('visit-status-completed')).toBeTruthy();
    expect(within(days[3] as HTMLElement).getByText('时间待定')).toBeTruthy();
    expect(within(days[4] as HTMLElement).getByText('已取消：客户出差')).toBeTruthy();
    // Missed: complete late, reschedule, cancel; completed: its record; no planning in the past.
    expect(screen.getByRole('button', { name: /补记完成/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /改期/ })).toBeTruthy();
    expect(screen.getByTestId('visit-record-2').getAttribute('href')).toBe(
      '/customers/3?tab=interactions',
    );
    expect(screen.queryByTestId('plan-on-2026-11-23')).toBeNull();
    expect(screen.getByTestId('plan-on-2026-11-24')).toBeTruthy();
    expect(screen.getByTestId('period-label').textContent).toBe(
      '2026-W48：2026-11-23 至 2026-11-29',
    );
  });

  it('says when the week has no plans, and moves to the next week', async () => {
    const user = setupUser();
    const fake = fakeApi().on('GET /visit-plans', listAnswer([]));
    await renderSignedIn(<VisitPlansPage />, { api: fake, url: '/visit-plans', language: 'en-US' });
    expect(await screen.findByText('No visits planned this week.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next week' }));
    await waitFor(() =>
      expect(fake.sent('GET /visit-plans').at(-1)?.query.get('from')).toBe('2026-11-30'),
    );
    expect(fake.sent('GET /visit-plans').at(-1)?.query.get('to')).toBe('2026-12-06');
    expect(screen.getByTestId('period-label').textContent).toBe(
      '2026-W49: 2026-11-30 to 2026-12-06',
    );
  });

  it('shows a month, Monday first, and a day opens its week', async () => {
    const user = setupUser();
    const fake = fakeApi().on('GET /visit-plans', listAnswer());
    const { router } = await renderSignedIn(<VisitPlansPage />, {
      api: fake,
      url: '/visit-plans?view=month',
    });
    const month = await screen.findByTestId('visit-month');
    await within(month).findByText('苏州供电公司');
    expect(fake.sent('GET /visit-plans').at(-1)?.query.get('from')).toBe('2026-10-26');
    expect(fake.sent('GET /visit-plans').at(-1)?.query.get('to')).toBe('2026-12-06');
    await user.click(screen.getByTestId('month-day-2026-11-26'));
    await waitFor(() => expect(router.state.location.search).toBe('?day=2026-11-26'));
    expect(await screen.findByTestId('visit-week')).toBeTruthy();
  });

  it('says what went wrong when the plans cannot be read', async () => {
    const fake = fakeApi().on('GET /visit-plans', apiError(500, 'internal'));
    await renderSignedIn(<VisitPlansPage />, { api: fake, url: '/visit-plans', language: 'en-US' });
    expect(await screen.findByText('Could not load')).toBeTruthy();
    expect(screen.getByText('The server failed; please try again later')).toBeTruthy();
  });

  it('lets a director look at a team member’s plans', async () => {
    const fake = fakeApi()
      .on('GET /visit-plans', listAnswer([makePlan({ id: 9, owner_id: 12, owner_name: '李强' })]))
      .on('GET /users', {
        items: [userOf({ id: 12, display_name: '李强', username: 'kam.sz' })],
        next_cursor: null,
      });
    await renderSignedIn(<VisitPlansPage />, {
      api: fake,
      url: '/visit-plans?owner=12',
      user: userOf({ id: 2, display_name: '周志强', role: 'director' }),
      permissions: ['interaction.write', 'user.read', 'review.manage'],
    });
    expect(await screen.findByTestId('visit-9')).toBeTruthy();
    expect(fake.sent('GET /visit-plans')[0]?.query.get('owner_id')).toBe('12');
    expect(screen.getByTestId('visit-owner')).toBeTruthy();
    expect(screen.getByTestId('visit-owner').textContent).toContain('李强');
  });
});
