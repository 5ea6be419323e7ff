// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderSignedIn, setupUser } from '../../test/consoleHarness';
import { makePlan } from '../../test/visitFixtures';
import { CustomerVisitPlans } from './CustomerVisitPlans';

const customer = { id: 3, name: '上海电力设备有限公司' };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T02:00:00Z'));
});
afterEach(() => vi.useRealTimers());

function api(
  items = [
    makePlan({ id: 1, planned_on: '2026-11-10', status: 'completed', interaction_id: 20 }),
    makePlan({ id: 2, planned_on: '2026-11-18', status: 'cancelled', cancel_reason: '客户出差' }),
    makePlan({
      id: 3,
      planned_on: '2026-11-30',
      purpose: '年度合同续签',
      owner_id: 6,
      owner_name: '徐佳',
    }),
  ],
) {
  return fakeApi()
    .on('GET /visit-plans', { items, next_cursor: null })
    .on('GET /customers/:id/contacts', { items: [], next_cursor: null })
    .on('GET /customers/:id/team', { items: [], next_cursor: null });
}

describe('the dossier’s visit plans', () => {
  it('lists the coming visits first, then the earlier ones, latest first', async () => {
    const fake = api();
    await renderSignedIn(<CustomerVisitPlans customer={customer} />, { api: fake });
    const coming = await screen.findByTestId('visits-coming');
    expect(within(coming).getByText('年度合同续签')).toBeTruthy();
    // Someone else's visit to the customer names the visitor.
    expect(within(coming).getByText(/拜访人：徐佳/)).toBeTruthy();
    const earlier = screen.getByTestId('visits-earlier');
    expect(
      within(earlier)
        .getAllByRole('group')
        .map((g) => g.dataset.testid),
    ).toEqual(['visit-2', 'visit-1']);
    expect(fake.sent('GET /visit-plans')[0]?.query.get('customer_id')).toBe('3');
  });

  it('opens a plan’s comments, where its visitor reads and answers them', async () => {
    const user = setupUser();
    const fake = api().on('GET /visit-plans/:id/comments', {
      items: [
        {
          id: 1,
          item_kind: 'visit_plan',
          item_id: 3,
          author_id: 2,
          author_name: '周志强',
          body: '请带上二期方案',
          created_at: '2026-11-24T03:00:00Z',
        },
      ],
      next_cursor: null,
    });
    await renderSignedIn(<CustomerVisitPlans customer={customer} />, { api: fake });
    await user.click(await screen.findByTestId('visit-comments-3'));
    const drawer = await screen.findByTestId('comments');
    expect(await within(drawer).findByText('请带上二期方案')).toBeTruthy();
    expect(within(drawer).getByTestId('comment-body')).toBeTruthy();
  });

  it('says when none are planned, and plans one for this customer', async () => {
    const user = setupUser();
    await renderSignedIn(<CustomerVisitPlans customer={customer} />, {
      api: api([]),
      language: 'en-US',
    });
    expect(await screen.findByText('No visits planned for this customer yet.')).toBeTruthy();
    await user.click(screen.getByTestId('plan-visit-here'));
    expect(await screen.findByText('Plan a visit to 上海电力设备有限公司')).toBeTruthy();
  });
});
