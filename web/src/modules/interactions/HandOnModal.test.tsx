// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  apiError,
  fakeApi,
  fill,
  renderSignedIn,
  setupUser,
  type Call,
} from '../../test/consoleHarness';
import { makeInteraction } from '../../test/visitFixtures';
import { HandOnModal } from './HandOnModal';

// A request the signed-in KAM 王磊 (id 5) owns as first contact.
const request = makeInteraction({
  id: 40,
  version: 3,
  is_request: true,
  first_contact_owner_id: 5,
  first_contact_owner_name: '王磊',
  purpose: '客户反映电费账单有误，要求核对',
});

const seeing = [
  { id: 5, username: 'wang.lei', display_name: '王磊', role: 'kam', org_unit_id: 4 },
  { id: 8, username: 'li.na', display_name: '李娜', role: 'director', org_unit_id: 2 },
  { id: 14, username: 'sun.li', display_name: '孙丽', role: 'service', org_unit_id: 2 },
];

function api() {
  return fakeApi().on('GET /customers/3/users', (call: Call) => {
    const q = call.query.get('q') ?? '';
    return { items: seeing.filter((u) => u.display_name.includes(q)), next_cursor: null };
  });
}

async function openPicker(user: ReturnType<typeof setupUser>, search: string) {
  const box = within(await screen.findByTestId('hand-on-user')).getByRole('combobox');
  await user.click(box);
  fill(box, search);
}

describe('handing a request on', () => {
  it('lets a KAM (no user.read) hand it on to a director who sees the account', async () => {
    const user = setupUser();
    const fake = api().on('PATCH /interactions/:id', (call: Call) => ({
      ...request,
      ...(call.body as object),
      version: 4,
    }));
    const onClose = vi.fn();
    await renderSignedIn(<HandOnModal interaction={request} onClose={onClose} />, { api: fake });
    await openPicker(user, '李');
    await user.click(await screen.findByTitle('李娜 · 主管'));
    await user.click(screen.getByTestId('hand-on-ok'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await screen.findByText('已转交给 李娜')).toBeTruthy();
    const [sent] = fake.sent('PATCH /interactions/40');
    expect(sent?.body).toEqual({ first_contact_owner_id: 8 });
    expect(sent?.ifMatch).toBe('3');
    expect(fake.sent('GET /customers/3/users').map((c) => c.query.get('q'))).toContain('李');
    expect(fake.sent('GET /users')).toEqual([]);
  });

  it('offers every colleague who sees the account, but not the owner themself', async () => {
    const user = setupUser();
    await renderSignedIn(<HandOnModal interaction={request} onClose={() => {}} />, {
      api: api(),
      language: 'en-US',
    });
    await openPicker(user, '');
    const me = await screen.findByTitle('王磊 · Key account manager (KAM) · that is you');
    expect(me.className).toContain('ant-select-item-option-disabled');
    expect(screen.getByTitle('孙丽 · Service agent')).toBeTruthy();
    fill(within(screen.getByTestId('hand-on-user')).getByRole('combobox'), '钱');
    expect(await screen.findByText('No colleague found')).toBeTruthy();
  });

  it('shows a refused colleague (cannot_see_the_customer) on the field', async () => {
    const user = setupUser();
    const fake = api().on(
      'PATCH /interactions/:id',
      apiError(400, 'validation_failed', { first_contact_owner_id: 'cannot_see_the_customer' }),
    );
    const onClose = vi.fn();
    await renderSignedIn(<HandOnModal interaction={request} onClose={onClose} />, {
      api: fake,
      language: 'en-US',
    });
    await openPicker(user, '孙');
    await user.click(await screen.findByTitle('孙丽 · Service agent'));
    await user.click(screen.getByTestId('hand-on-ok'));
    const problem = await screen.findByText(
      'This user cannot see the customer, so cannot take the request',
    );
    expect(problem.closest('.ant-form-item')?.contains(screen.getByTestId('hand-on-user'))).toBe(
      true,
    );
    expect(onClose).not.toHaveBeenCalled();
  });
});
