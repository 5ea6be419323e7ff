// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  apiError,
  fakeApi,
  fill,
  reply,
  renderSignedIn,
  setupUser,
  userOf,
} from '../../test/consoleHarness';
import { makePlan } from '../../test/visitFixtures';
import { PlanVisitModal } from './PlanVisitModal';

const customer = { id: 3, name: '上海电力设备有限公司' };

function api() {
  return fakeApi()
    .on('GET /customers/:id', { ...customer, owner_id: 5, owner_name: '王磊', version: 1 })
    .on('GET /customers/:id/contacts', {
      items: [{ id: 11, name: '张伟', title: '总工程师' }],
      next_cursor: null,
    })
    .on('GET /customers/:id/team', { items: [], next_cursor: null });
}

// Today is 2026-11-24 in China.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T02:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('planning a visit', () => {
  it('plans a visit for the customer and day given', async () => {
    const user = setupUser();
    const fake = api().on('POST /visit-plans', (call) =>
      reply(201, makePlan({ id: 21, ...(call.body as object) })),
    );
    const onClose = vi.fn();
    await renderSignedIn(
      <PlanVisitModal customer={customer} day="2026-11-26" onClose={onClose} />,
      { api: fake },
    );
    fill(await screen.findByTestId('visit-plan-purpose'), '技术交流：二期方案');
    await user.click(screen.getByTestId('visit-plan-ok'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.sent('POST /visit-plans')[0]?.body).toEqual({
      customer_id: 3,
      planned_on: '2026-11-26',
      start_time: null,
      purpose: '技术交流：二期方案',
      contact_ids: [],
      participant_ids: [],
    });
    expect(await screen.findByText('已计划于 2026-11-26 拜访“上海电力设备有限公司”')).toBeTruthy();
  });

  it('refuses a placeholder purpose and a missing day before sending', async () => {
    const user = setupUser();
    const fake = api();
    await renderSignedIn(<PlanVisitModal customer={customer} onClose={() => {}} />, {
      api: fake,
      language: 'en-US',
    });
    fill(await screen.findByTestId('visit-plan-purpose'), 'n/a');
    await user.click(screen.getByTestId('visit-plan-ok'));
    expect(await screen.findByText(/Say what the contact was for/)).toBeTruthy();
    expect(screen.getByText('Required')).toBeTruthy(); // the day
    expect(fake.sent('POST /visit-plans')).toEqual([]);
  });

  it('shows the server’s field problems on the fields', async () => {
    const user = setupUser();
    const fake = api().on(
      'POST /visit-plans',
      apiError(400, 'validation_failed', {
        planned_on: 'in_the_past',
        'contact_ids[0]': 'not_a_contact_of_the_customer',
      }),
    );
    const onClose = vi.fn();
    await renderSignedIn(
      <PlanVisitModal customer={customer} day="2026-11-24" onClose={onClose} />,
      { api: fake, language: 'en-US' },
    );
    fill(await screen.findByTestId('visit-plan-purpose'), 'Quarterly review');
    await user.click(screen.getByTestId('visit-plan-ok'));
    expect(await screen.findByText('Cannot be in the past')).toBeTruthy();
    expect(screen.getByText('Not a contact of this customer')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('lets a director choose who visits', async () => {
    await renderSignedIn(<PlanVisitModal customer={customer} onClose={() => {}} />, {
      api: api(),
      user: userOf({ id: 2, display_name: '周志强', role: 'director' }),
      permissions: ['interaction.write', 'user.read', 'review.manage'],
    });
    expect(await screen.findByTestId('visit-plan-owner')).toBeTruthy();
  });
});

describe('rescheduling a missed visit', () => {
  const missed = makePlan({ id: 4, version: 3, status: 'missed', planned_on: '2026-11-20' });

  it('sends the new day with the version read', async () => {
    const user = setupUser();
    const fake = api().on('PATCH /visit-plans/:id', (call) =>
      reply(200, { ...missed, ...(call.body as object), status: 'planned', version: 4 }),
    );
    const onClose = vi.fn();
    await renderSignedIn(<PlanVisitModal plan={missed} reschedule onClose={onClose} />, {
      api: fake,
    });
    expect(await screen.findByText('改期拜访“上海电力设备有限公司”')).toBeTruthy();
    const day = screen.getByTestId('visit-plan-day');
    await user.click(day);
    await user.clear(day);
    await user.type(day, '2026-11-27{Enter}');
    await user.click(screen.getByTestId('visit-plan-ok'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [sent] = fake.sent('PATCH /visit-plans/4');
    expect(sent?.body).toEqual({ planned_on: '2026-11-27' });
    expect(sent?.ifMatch).toBe('3');
  });

  it('says when someone else changed it (412) and reloads it', async () => {
    const user = setupUser();
    const fake = api()
      .on('PATCH /visit-plans/:id', apiError(412, 'precondition_failed'))
      .on('GET /visit-plans/:id', { ...missed, version: 5, purpose: '改为下周技术交流' });
    const onClose = vi.fn();
    await renderSignedIn(<PlanVisitModal plan={missed} onClose={onClose} />, {
      api: fake,
      language: 'en-US',
    });
    const purpose = await screen.findByTestId('visit-plan-purpose');
    await user.type(purpose, '!');
    await user.click(screen.getByTestId('visit-plan-ok'));
    const stale = await screen.findByTestId('stale-version');
    expect(stale.textContent).toContain('Someone else changed this visit plan');
    await user.click(within(stale).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect((purpose as HTMLInputElement).value).toBe('改为下周技术交流'));
    expect(onClose).not.toHaveBeenCalled();
  });
});
