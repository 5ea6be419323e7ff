// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Handover, HandoverPreview } from '../api/types';
import { makeUser } from '../test/fixtures';
import {
  apiError,
  fakeApi,
  reply,
  renderSignedIn,
  setupUser,
  type FakeApi,
} from '../test/consoleHarness';
import HandoverWizardPage from './HandoverWizardPage';

const leaving = makeUser({ id: 7, username: 'fang.xin', display_name: 'Fang Xin', org_unit_id: 9 });
const successor = makeUser({ id: 8, username: 'ye.feng', display_name: 'Ye Feng' });
const counts = {
  customer: 2,
  team_seat: 1,
  next_step: 3,
  request: 0,
  nomination: 0,
  visit_plan: 0,
  notification: 4,
};
const nothing = { ...counts, customer: 0, team_seat: 0, next_step: 0, notification: 0 };
const plan: HandoverPreview = {
  from_user_id: 7,
  from_user_name: 'Fang Xin',
  from_user_active: true,
  mode: 'single',
  counts,
  dropped_team_seats: 0,
  successors: [{ user_id: 8, display_name: 'Ye Feng', role: 'kam', counts }],
  customers: [
    { customer_id: 101, customer_name: 'Hangzhou Power', to_user_id: 8, to_user_name: 'Ye Feng' },
    { customer_id: 102, customer_name: 'Lishui Water', to_user_id: 8, to_user_name: 'Ye Feng' },
  ],
};
const done: Handover = {
  id: 31,
  from_user_id: 7,
  from_user_name: 'Fang Xin',
  actor_id: 1,
  actor_name: 'Me',
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
  ],
};

function api() {
  return fakeApi()
    .on('GET /users/7', leaving)
    .on('GET /org-units', { items: [], next_cursor: null })
    .on('GET /users', { items: [successor], next_cursor: null })
    .on('POST /users/7/handover/preview', plan)
    .on('POST /users/7/handover', reply(201, done))
    .on('GET /handovers/31', done);
}

/** Opens the wizard for Fang Xin as an administrator. */
async function open(fake: FakeApi) {
  await renderSignedIn(<HandoverWizardPage />, {
    api: fake,
    path: '/handovers/new',
    url: '/handovers/new?user=7',
    user: makeUser({ id: 1, username: 'me', display_name: 'Me', role: 'admin' }),
    language: 'en-US',
  });
  await screen.findByText('fang.xin');
}

type User = ReturnType<typeof setupUser>;

/** Picks Ye Feng as the first successor. */
async function pickSuccessor(user: User) {
  await user.click(screen.getByLabelText('Successor 1'));
  await user.keyboard('Ye');
  await user.click(await screen.findByText('Ye Feng (ye.feng)'));
}

/** Picks Ye Feng, who takes everything, and goes on to the preview. */
async function pickSuccessorAndPreview(user: User) {
  await pickSuccessor(user);
  expect(screen.getByRole('radio', { name: /All to one successor/ })).toHaveProperty(
    'checked',
    true,
  );
  await user.click(screen.getByTestId('wizard-next'));
}

describe('the handover wizard', () => {
  it('hands a user over: successor, plan, warning, the handover as recorded', async () => {
    const user = setupUser();
    const fake = api();
    await open(fake);
    expect(screen.getByTestId('wizard-next')).toHaveProperty('disabled', true);
    await pickSuccessorAndPreview(user);

    const preview = await screen.findByTestId('handover-preview');
    expect(within(preview).getByText('What Fang Xin hands over: 10 things')).toBeTruthy();
    expect(within(screen.getByTestId('count-next_step')).getByText('3')).toBeTruthy();
    expect(within(preview).getByText('Hangzhou Power')).toBeTruthy();
    expect(fake.sent('POST /users/7/handover/preview')[0]?.body).toEqual({
      to_user_ids: [8],
      mode: 'single',
    });

    await user.click(screen.getByTestId('wizard-next'));
    expect(
      within(screen.getByTestId('handover-warning')).getByText(
        'Fang Xin is disabled and signed out at once',
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Hand over and disable Fang Xin/ }));

    const result = await screen.findByTestId('handover-done');
    expect(within(result).getByText('Handover recorded')).toBeTruthy();
    await within(result).findByText(
      'Fang Xin is disabled and signed out; 10 things moved to the successors.',
    );
    expect(within(result).getAllByText('Hangzhou Power').length).toBeGreaterThan(0);
    expect(fake.sent('POST /users/7/handover')[0]?.body).toEqual({
      to_user_ids: [8],
      mode: 'single',
    });
    expect(fake.sent('GET /handovers/31').length).toBeGreaterThan(0);
    expect(fake.unanswered).toEqual([]);
  });

  it('says when the user holds nothing and the handover only disables them', async () => {
    const user = setupUser();
    await open(
      api().on('POST /users/7/handover/preview', {
        ...plan,
        counts: nothing,
        customers: [],
        successors: [],
      }),
    );
    await pickSuccessorAndPreview(user);
    await screen.findByTestId('nothing-to-move');
    expect(screen.getByText('Fang Xin owns no customers.')).toBeTruthy();
  });

  it("shows the server's problem beside the successor it names", async () => {
    const user = setupUser();
    await open(
      api().on(
        'POST /users/7/handover/preview',
        apiError(400, 'validation_failed', { 'to_user_ids[0]': 'cannot_own_accounts' }),
      ),
    );
    await pickSuccessorAndPreview(user);
    const failed = await screen.findByTestId('preview-error');
    expect(within(failed).getByText(/Ye Feng: Cannot own customers/)).toBeTruthy();
    await user.click(within(failed).getByRole('button', { name: 'Change successors' }));
    expect(await screen.findByText(/^Cannot own customers/)).toBeTruthy();
  });

  it('says why a handover is refused (403)', async () => {
    const user = setupUser();
    await open(api().on('POST /users/7/handover', apiError(403, 'forbidden')));
    await pickSuccessorAndPreview(user);
    await screen.findByTestId('handover-preview');
    await user.click(screen.getByTestId('wizard-next'));
    await user.click(screen.getByTestId('handover-confirm'));
    const error = await screen.findByTestId('handover-error');
    expect(within(error).getByText(/You may not hand over Fang Xin/)).toBeTruthy();
  });

  it('in per-customer mode sends the successor chosen for each customer', async () => {
    const user = setupUser();
    const fake = api();
    await open(fake);
    await pickSuccessor(user);
    await user.click(screen.getByRole('radio', { name: /Per customer/ }));
    await user.click(screen.getByTestId('wizard-next'));
    await waitFor(() =>
      expect(
        fake
          .sent('POST /users/7/handover/preview')
          .some((c) => JSON.stringify(c.body).includes('"mapping"')),
      ).toBe(true),
    );
    const mapped = fake
      .sent('POST /users/7/handover/preview')
      .find((c) => JSON.stringify(c.body).includes('"mapping"'));
    expect(mapped?.body).toEqual({
      to_user_ids: [8],
      mode: 'mapping',
      mapping: { '101': 8, '102': 8 },
    });
    expect(await screen.findByTestId('mapping')).toBeTruthy();
  });
});
