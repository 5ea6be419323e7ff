// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  apiError,
  fakeApi,
  fill,
  reply,
  renderSignedIn,
  setupUser,
  type Call,
  type FakeApi,
} from '../../test/consoleHarness';
import { makeInteraction } from '../../test/visitFixtures';
import { RecordContactModal } from './RecordContactModal';

const customer = { id: 3, name: '上海电力设备有限公司' };
const other = { id: 4, name: '杭州港务集团' };

// Colleagues who see customer 3: its KAM and the director of the unit above it.
const seeing3 = [
  { id: 5, username: 'wang.lei', display_name: '王磊', role: 'kam', org_unit_id: 4 },
  { id: 8, username: 'li.na', display_name: '李娜', role: 'director', org_unit_id: 2 },
];
// Customer 4 lies in another unit: its own KAM sees it, 李娜 does not.
const seeing4 = [
  { id: 5, username: 'wang.lei', display_name: '王磊', role: 'kam', org_unit_id: 4 },
  { id: 12, username: 'zhao.min', display_name: '赵敏', role: 'kam', org_unit_id: 6 },
];

/** GET /customers/{id}/users as the server answers it: `q` matches a name. */
function whoSee(list: typeof seeing3) {
  return (call: Call) => {
    const q = call.query.get('q') ?? '';
    return {
      items: list.filter((u) => u.display_name.includes(q) || u.username.includes(q)),
      next_cursor: null,
    };
  };
}

/** Waits until the dialog has put the keyboard in its first empty field. */
async function dialogFocused() {
  await waitFor(() => expect(document.activeElement?.tagName).toBe('INPUT'));
}

/** Opens the colleague picker `testId`, types `search` and picks the option `label`. */
async function pickColleague(
  user: ReturnType<typeof setupUser>,
  fake: FakeApi,
  testId: string,
  search: string,
  label: string,
) {
  await dialogFocused();
  const box = within(await screen.findByTestId(testId)).getByRole('combobox');
  await user.click(box);
  fill(box, search);
  // The server's answer to this search, not the list shown before it.
  await waitFor(() =>
    expect(fake.calls.some((c) => c.path.endsWith('/users') && c.query.get('q') === search)).toBe(
      true,
    ),
  );
  await user.click(await screen.findByTitle(label));
}

function api() {
  return fakeApi()
    .on('GET /customers/:id', { ...customer, owner_id: 5, owner_name: '王磊', version: 1 })
    .on('GET /customers/:id/contacts', { items: [], next_cursor: null })
    .on('GET /customers/3/users', whoSee(seeing3))
    .on('GET /customers/4/users', whoSee(seeing4));
}

// The dialog is built from pieces other dialogs reuse (RecordFields.tsx): these guard it.
describe('the record-a-contact dialog', () => {
  it('records a contact with a real purpose', async () => {
    const user = setupUser();
    const fake = api().on('POST /interactions', (call) =>
      reply(201, { id: 9, customer_name: customer.name, ...(call.body as object) }),
    );
    const onClose = vi.fn();
    await renderSignedIn(<RecordContactModal customer={customer} onClose={onClose} />, {
      api: fake,
    });
    fill(await screen.findByTestId('interaction-purpose'), '季度回访');
    fill(screen.getByTestId('interaction-next-step'), '寄送合同');
    await user.click(screen.getByTestId('interaction-ok'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [sent] = fake.sent('POST /interactions');
    expect(sent?.body).toMatchObject({
      customer_id: 3,
      channel: 'visit',
      purpose: '季度回访',
      next_step: '寄送合同',
    });
    expect(await screen.findByText('已记录与“上海电力设备有限公司”的接触')).toBeTruthy();
  });

  it('refuses a placeholder purpose before sending', async () => {
    const user = setupUser();
    const fake = api();
    await renderSignedIn(<RecordContactModal customer={customer} onClose={() => {}} />, {
      api: fake,
    });
    fill(await screen.findByTestId('interaction-purpose'), '无');
    await user.click(screen.getByTestId('interaction-ok'));
    expect(await screen.findByText(/请写明这次接触的目的/)).toBeTruthy();
    expect(fake.sent('POST /interactions')).toEqual([]);
  });

  it('shows the server’s field problems on the fields, and the others above the form', async () => {
    const user = setupUser();
    const fake = api().on(
      'POST /interactions',
      apiError(400, 'validation_failed', {
        next_step: 'too_long',
        'participant_ids[0]': 'unknown_user',
      }),
    );
    const onClose = vi.fn();
    await renderSignedIn(<RecordContactModal customer={customer} onClose={onClose} />, {
      api: fake,
      language: 'en-US',
    });
    fill(await screen.findByTestId('interaction-purpose'), 'Quarterly review');
    await user.click(screen.getByTestId('interaction-ok'));
    expect(await screen.findByText('Too long')).toBeTruthy();
    expect(screen.getByTestId('interaction-problem').textContent).toContain(
      'participant_ids[0]: No such active user',
    );
    expect(onClose).not.toHaveBeenCalled();
  });

  it('lets a KAM (no user.read) name a director who sees the account as the next step’s owner', async () => {
    const user = setupUser();
    const fake = api().on('POST /interactions', (call) =>
      reply(201, { id: 9, customer_name: customer.name, ...(call.body as object) }),
    );
    const onClose = vi.fn();
    await renderSignedIn(<RecordContactModal customer={customer} onClose={onClose} />, {
      api: fake,
    });
    fill(await screen.findByTestId('interaction-purpose'), '季度回访');
    fill(screen.getByTestId('interaction-next-step'), '审批优惠方案');
    await pickColleague(user, fake, 'interaction-owner', '李', '李娜 · 主管');
    await user.click(screen.getByTestId('interaction-ok'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());

    const searches = fake.sent('GET /customers/3/users').map((c) => c.query.get('q'));
    expect(searches).toContain('李');
    expect(fake.sent('GET /users')).toEqual([]); // no user.read needed
    expect(fake.sent('POST /interactions')[0]?.body).toMatchObject({
      next_step: '审批优惠方案',
      next_step_owner_id: 8,
    });
  });

  it('says so when no colleague who sees the account has that name', async () => {
    const user = setupUser();
    await renderSignedIn(<RecordContactModal customer={customer} onClose={() => {}} />, {
      api: api(),
      language: 'en-US',
    });
    await dialogFocused();
    const box = within(await screen.findByTestId('interaction-owner')).getByRole('combobox');
    await user.click(box);
    fill(box, '赵');
    expect(await screen.findByText('No colleague found')).toBeTruthy();
  });

  it('follows a change of customer and clears an owner who does not see the new one', async () => {
    const user = setupUser();
    const fake = api()
      .on('GET /customers', {
        items: [
          { ...customer, owner_id: 5, owner_name: '王磊', version: 1 },
          { ...other, owner_id: 12, owner_name: '赵敏', version: 1 },
        ],
        next_cursor: null,
      })
      .on('POST /interactions', (call) =>
        reply(201, { id: 9, customer_name: other.name, ...(call.body as object) }),
      );
    const onClose = vi.fn();
    await renderSignedIn(<RecordContactModal onClose={onClose} />, { api: fake });
    await dialogFocused();
    // No customer yet: no one to pick.
    const owner = await screen.findByTestId('interaction-owner');
    expect(within(owner).getByRole('combobox')).toHaveProperty('disabled', true);

    await user.click(within(screen.getByTestId('interaction-customer')).getByRole('combobox'));
    await user.click(await screen.findByTitle(customer.name));
    await pickColleague(user, fake, 'interaction-owner', '李', '李娜 · 主管');
    expect(owner.textContent).toContain('李娜 · 主管');

    await user.click(within(screen.getByTestId('interaction-customer')).getByRole('combobox'));
    await user.click(await screen.findByTitle(other.name));
    // 李娜 does not see 杭州港务集团: asked by name, the new customer's list lacks her.
    await waitFor(() => expect(owner.textContent).not.toContain('李娜'));
    expect(fake.sent('GET /customers/4/users').some((c) => c.query.get('q') === 'li.na')).toBe(
      true,
    );

    fill(await screen.findByTestId('interaction-purpose'), '商谈码头扩建');
    fill(screen.getByTestId('interaction-next-step'), '约见港务局');
    await pickColleague(user, fake, 'interaction-owner', '赵', '赵敏 · 大客户经理');
    await user.click(screen.getByTestId('interaction-ok'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.sent('POST /interactions')[0]?.body).toMatchObject({
      customer_id: 4,
      next_step_owner_id: 12,
    });
  });

  it('keeps an owner who also sees the new customer', async () => {
    const user = setupUser();
    const fake = api().on('GET /customers', {
      items: [
        { ...customer, owner_id: 5, owner_name: '王磊', version: 1 },
        { ...other, owner_id: 12, owner_name: '赵敏', version: 1 },
      ],
      next_cursor: null,
    });
    await renderSignedIn(<RecordContactModal onClose={() => {}} />, { api: fake });
    await dialogFocused();
    await user.click(
      within(await screen.findByTestId('interaction-customer')).getByRole('combobox'),
    );
    await user.click(await screen.findByTitle(customer.name));
    await pickColleague(user, fake, 'interaction-owner', '王', '王磊 · 大客户经理');
    await user.click(within(screen.getByTestId('interaction-customer')).getByRole('combobox'));
    await user.click(await screen.findByTitle(other.name));
    await waitFor(() =>
      expect(fake.sent('GET /customers/4/users').some((c) => c.query.get('q') === 'wang.lei')).toBe(
        true,
      ),
    );
    expect(screen.getByTestId('interaction-owner').textContent).toContain('王磊 · 大客户经理');
  });

  it('shows a refused owner (cannot_see_the_customer) next to the owner field', async () => {
    const user = setupUser();
    const fake = api().on(
      'POST /interactions',
      apiError(400, 'validation_failed', { next_step_owner_id: 'cannot_see_the_customer' }),
    );
    const onClose = vi.fn();
    await renderSignedIn(<RecordContactModal customer={customer} onClose={onClose} />, {
      api: fake,
      language: 'en-US',
    });
    fill(await screen.findByTestId('interaction-purpose'), 'Quarterly review');
    fill(screen.getByTestId('interaction-next-step'), 'Approve the discount');
    await pickColleague(user, fake, 'interaction-owner', '李', '李娜 · Director');
    await user.click(screen.getByTestId('interaction-ok'));
    const problem = await screen.findByText(/cannot see the customer/);
    const item = problem.closest('.ant-form-item');
    expect(item?.contains(screen.getByTestId('interaction-owner'))).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('names the current owner of a record being changed before any search', async () => {
    const record = makeInteraction({
      id: 21,
      next_step: '审批优惠方案',
      next_step_owner_id: 30,
      next_step_owner_name: '钱峰',
    });
    await renderSignedIn(<RecordContactModal interaction={record} onClose={() => {}} />, {
      api: api(),
    });
    const owner = await screen.findByTestId('interaction-owner');
    expect(owner.textContent).toContain('钱峰');
  });
});
