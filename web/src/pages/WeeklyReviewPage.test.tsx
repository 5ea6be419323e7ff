// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewItem } from '../api/types';
import {
  apiError,
  fakeApi,
  reply,
  renderSignedIn,
  setupUser,
  userOf,
} from '../test/consoleHarness';
import { makeInteraction, makePlan, makeReviewItem, makeUserWeek } from '../test/visitFixtures';
import WeeklyReviewPage from './WeeklyReviewPage';

const director = userOf({ id: 2, display_name: '周志强', role: 'director' });
const permissions = ['interaction.write', 'user.read', 'review.manage'] as const;

// Today is Tuesday 2026-11-24 in China: ISO week 2026-W48, Monday 2026-11-23.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T02:00:00Z'));
});
afterEach(() => vi.useRealTimers());

const summary = {
  week: '2026-W48',
  from: '2026-11-23',
  to: '2026-11-29',
  users: [
    makeUserWeek({
      user_id: 5,
      user_name: '王磊',
      records: 4,
      visits_planned: 3,
      visits_completed: 1,
      visits_missed: 1,
      unreviewed: 3,
      unreviewed_earlier: 1,
    }),
    makeUserWeek({ user_id: 6, user_name: '李娜', role: 'assistant', records: 2, unreviewed: 2 }),
  ],
};

const record = makeReviewItem({
  id: 31,
  interaction: makeInteraction({
    id: 31,
    channel: 'phone',
    purpose: '确认交货时间',
    outcome: '下周三交货',
    next_step: '寄送发货单',
  }),
});
const carried = makeReviewItem({ id: 29, week: '2026-W47', at: '2026-11-18T03:00:00Z' });
const plan = makeReviewItem({
  id: 7,
  kind: 'visit_plan',
  visit_plan: makePlan({ id: 7, status: 'missed', planned_on: '2026-11-23', purpose: '技术交流' }),
  comment_count: 2,
});

function api(items: ReviewItem[] = [record, carried, plan]) {
  return fakeApi()
    .on('GET /weekly-review/summary', summary)
    .on('GET /weekly-review', { items, next_cursor: null });
}

async function renderReview(
  fake: ReturnType<typeof api>,
  url = '/weekly-review',
  language: 'zh-CN' | 'en-US' = 'en-US',
) {
  return renderSignedIn(<WeeklyReviewPage />, {
    api: fake,
    url,
    user: director,
    permissions: [...permissions],
    language,
  });
}

describe('the weekly review', () => {
  it('sums up the week per team member and lists what waits for review', async () => {
    const fake = api();
    await renderReview(fake);
    const table = await screen.findByTestId('review-summary');
    const wang = await within(table).findByTestId('review-member-5');
    expect(
      within(wang)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['王磊Key account manager (KAM)', '4', '3', '1', '1', '0', '3', '1']);
    // The team's total under the members.
    expect(
      within(screen.getByTestId('review-team-total'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Team total', '6', '3', '1', '1', '0', '5', '1']);
    expect(fake.sent('GET /weekly-review/summary')[0]?.query.get('week')).toBe('2026-11-23');

    const queue = screen.getByTestId('review-queue');
    const row = await within(queue).findByTestId('review-interaction-31');
    expect(within(row).getByText('确认交货时间')).toBeTruthy();
    expect(within(row).getByText('下周三交货')).toBeTruthy();
    expect(within(row).getByText('寄送发货单')).toBeTruthy();
    expect(within(row).getByTestId('channel-phone')).toBeTruthy();
    expect(within(row).queryByTestId('carried-over')).toBeNull();
    // An item of an earlier week still waiting is said to be carried over.
    const old = within(queue).getByTestId('review-interaction-29');
    expect(within(old).getByTestId('carried-over').textContent).toBe('From 2026-W47');
    const visit = within(queue).getByTestId('review-visit_plan-7');
    expect(within(visit).getByTestId('visit-status-missed')).toBeTruthy();
    expect(within(visit).getByRole('button', { name: 'Comments (2)' })).toBeTruthy();
    expect(Object.fromEntries(fake.sent('GET /weekly-review')[0]?.query ?? [])).toMatchObject({
      week: '2026-11-23',
      state: 'unreviewed',
    });
  });

  it('shows a member’s queue when their name is chosen, and everyone’s again', async () => {
    const user = setupUser();
    const fake = api();
    const { router } = await renderReview(fake);
    await user.click(await screen.findByTestId('review-pick-5'));
    await waitFor(() =>
      expect(fake.sent('GET /weekly-review').at(-1)?.query.get('user_id')).toBe('5'),
    );
    expect(router.state.location.search).toBe('?user=5');
    expect(screen.getByTestId('review-queue-title').textContent).toBe('To review: 王磊');
    await user.click(screen.getByTestId('review-everyone'));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('marks the selected items reviewed and undoes it', async () => {
    const user = setupUser();
    const fake = api()
      .on('POST /weekly-review/mark', reply(200, { changed: 2 }))
      .on('POST /weekly-review/unmark', reply(200, { changed: 2 }));
    await renderReview(fake, '/weekly-review', 'zh-CN');
    const queue = await screen.findByTestId('review-queue');
    await within(queue).findByTestId('review-interaction-31');
    const mark = screen.getByTestId('mark-reviewed');
    expect((mark as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(screen.getByTestId('review-interaction-31')).getByRole('checkbox'));
    await user.click(within(screen.getByTestId('review-visit_plan-7')).getByRole('checkbox'));
    expect(mark.textContent).toContain('标记为已检查（2）');
    await user.click(mark);
    const done = await screen.findByTestId('review-done');
    expect(done.textContent).toContain('已将 2 项标记为已检查');
    expect(fake.sent('POST /weekly-review/mark')[0]?.body).toEqual({
      items: [
        { kind: 'interaction', id: 31 },
        { kind: 'visit_plan', id: 7 },
      ],
    });
    await user.click(within(done).getByTestId('review-undo'));
    await waitFor(() =>
      expect(screen.getByTestId('review-done').textContent).toContain('已撤销 2 项的检查标记'),
    );
    expect(fake.sent('POST /weekly-review/unmark')[0]?.body).toEqual(
      fake.sent('POST /weekly-review/mark')[0]?.body,
    );
  });

  it('filters by review state and says when nothing matches', async () => {
    const user = setupUser();
    const fake = api([]);
    await renderReview(fake);
    expect(await screen.findByText('Nothing waiting for review')).toBeTruthy();
    await user.click(screen.getByText('Reviewed'));
    await waitFor(() =>
      expect(fake.sent('GET /weekly-review').at(-1)?.query.get('state')).toBe('reviewed'),
    );
    expect(await screen.findByText('Nothing reviewed this week yet')).toBeTruthy();
  });

  it('moves to the previous week', async () => {
    const user = setupUser();
    const fake = api();
    await renderReview(fake);
    await screen.findByTestId('review-member-5');
    await user.click(screen.getByRole('button', { name: 'Previous week' }));
    await waitFor(() =>
      expect(fake.sent('GET /weekly-review/summary').at(-1)?.query.get('week')).toBe('2026-11-16'),
    );
  });

  it('says what went wrong when the week cannot be read', async () => {
    const fake = fakeApi()
      .on('GET /weekly-review/summary', apiError(403, 'forbidden'))
      .on('GET /weekly-review', apiError(403, 'forbidden'));
    await renderReview(fake);
    expect((await screen.findAllByText('You may not do this')).length).toBe(2);
  });
});
