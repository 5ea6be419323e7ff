// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Contract } from '../../api/types';
import {
  apiError,
  fakeApi,
  fill,
  reply,
  renderSignedIn,
  setupUser,
  userOf,
} from '../../test/consoleHarness';
import { makeContract } from '../../test/contractFixtures';
import { ContractsTab } from './ContractsTab';

// Today is 2026-11-24 in China.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T02:00:00Z'));
});
afterEach(() => vi.useRealTimers());

const soon = makeContract({ id: 1, number: 'HT-2026-001', ends_on: '2026-12-04' });
const running = makeContract({
  id: 2,
  number: 'HT-2026-002',
  ends_on: null,
  amount_fen: 123_456_789,
});
const expired = makeContract({
  id: 3,
  number: 'HT-2025-003',
  starts_on: '2025-01-01',
  ends_on: '2025-12-31',
  amount_fen: null,
});
const terminated = makeContract({
  id: 4,
  number: 'HT-2025-004',
  status: 'terminated',
  ends_on: '2026-12-04',
  terminated_on: '2026-06-30',
  termination_reason: '客户搬迁',
});

function api(items: Contract[] = [soon, running, expired, terminated]) {
  return fakeApi().on('GET /customers/:id/contracts', { items, next_cursor: null });
}

/** Types a day into a date picker and takes it with Enter, as a keyboard user does. */
async function typeDay(user: ReturnType<typeof setupUser>, testId: string, day: string) {
  const input = screen.getByTestId(testId);
  await user.click(input);
  fill(input, day);
  await user.keyboard('{Enter}');
}

describe('the dossier’s contracts', () => {
  it('lists contracts with their state, term, signed day and value in yuan', async () => {
    await renderSignedIn(<ContractsTab customerId={3} />, { api: api(), language: 'en-US' });
    const table = await screen.findByTestId('contracts');
    await within(table).findByText('HT-2026-001');
    expect(screen.getByTestId('contract-state-1').textContent).toBe('Active');
    expect(screen.getByTestId('contract-ends-soon-1').textContent).toBe('Ends in 10 days');
    expect(screen.getByTestId('contract-state-2').textContent).toBe('Active');
    expect(screen.queryByTestId('contract-ends-soon-2')).toBeNull();
    expect(within(table).getByText('2026-01-01 – open-ended')).toBeTruthy();
    expect(within(table).getByText('¥1,234,567.89')).toBeTruthy();
    expect(within(table).getAllByText('¥1,200,000.00')).toHaveLength(2);
    expect(screen.getByTestId('contract-state-3').textContent).toBe('Expired');
    expect(screen.getByTestId('contract-state-4').textContent).toBe('Terminated');
    // A terminated contract is not "ending soon", nor terminated again.
    expect(screen.queryByTestId('contract-ends-soon-4')).toBeNull();
    expect(screen.queryByTestId('contract-terminate-4')).toBeNull();
    expect(screen.getByTestId('contract-terminate-1')).toBeTruthy();
  });

  it('speaks Chinese: 有效, 已到期, 已终止, 即将到期', async () => {
    await renderSignedIn(<ContractsTab customerId={3} />, { api: api() });
    expect((await screen.findByTestId('contract-state-1')).textContent).toBe('有效');
    expect(screen.getByTestId('contract-ends-soon-1').textContent).toBe('即将到期（10 天）');
    expect(screen.getByTestId('contract-state-3').textContent).toBe('已到期');
    expect(screen.getByTestId('contract-state-4').textContent).toBe('已终止');
  });

  it('says so when there are none', async () => {
    await renderSignedIn(<ContractsTab customerId={3} />, { api: api([]), language: 'en-US' });
    expect(await screen.findByText('No contracts recorded yet')).toBeTruthy();
  });

  it('offers a retry when the list cannot be read', async () => {
    const fake = fakeApi().on('GET /customers/:id/contracts', apiError(503, 'unavailable'));
    await renderSignedIn(<ContractsTab customerId={3} />, { api: fake, language: 'en-US' });
    const user = setupUser();
    const retry = await screen.findByRole('button', { name: 'Retry' });
    fake.on('GET /customers/:id/contracts', { items: [soon], next_cursor: null });
    await user.click(retry);
    expect(await screen.findByText('HT-2026-001')).toBeTruthy();
  });

  it('offers no write actions without contract.write', async () => {
    await renderSignedIn(<ContractsTab customerId={3} />, {
      api: api(),
      user: userOf({ id: 9, role: 'executive' }),
    });
    await screen.findByTestId('contract-state-1');
    expect(screen.queryByTestId('contract-add')).toBeNull();
    expect(screen.queryByTestId('contract-edit-1')).toBeNull();
    expect(screen.queryByTestId('contract-terminate-1')).toBeNull();
    expect(screen.queryByTestId('contract-delete-1')).toBeNull();
  });

  it('records a contract with its value typed in yuan and sent as exact fen', async () => {
    const user = setupUser();
    const fake = api([]).on('POST /customers/:id/contracts', (call) =>
      reply(201, makeContract({ id: 9, ...(call.body as object) })),
    );
    await renderSignedIn(<ContractsTab customerId={3} />, { api: fake, language: 'en-US' });
    await user.click(await screen.findByTestId('contract-add'));
    fill(await screen.findByTestId('contract-number'), 'HT-2026-009');
    fill(screen.getByTestId('contract-title'), '2027年度供电服务合同');
    await typeDay(user, 'contract-starts-on', '2027-01-01');
    await typeDay(user, 'contract-ends-on', '2027-12-31');
    fill(screen.getByTestId('contract-amount'), '1,234,567.29');
    await user.click(screen.getByTestId('contract-ok'));
    await waitFor(() => expect(fake.sent('POST /customers/3/contracts')).toHaveLength(1));
    expect(fake.sent('POST /customers/3/contracts')[0]?.body).toEqual({
      number: 'HT-2026-009',
      title: '2027年度供电服务合同',
      signed_on: null,
      starts_on: '2027-01-01',
      ends_on: '2027-12-31',
      amount_fen: 123456729,
      notes: '',
    });
    await waitFor(() => expect(screen.queryByTestId('contract-modal')).toBeNull());
  });

  it('refuses an end before the start, and a value with three decimals, before sending', async () => {
    const user = setupUser();
    const fake = api([]);
    await renderSignedIn(<ContractsTab customerId={3} />, { api: fake, language: 'en-US' });
    await user.click(await screen.findByTestId('contract-add'));
    fill(await screen.findByTestId('contract-number'), 'HT-2026-010');
    await typeDay(user, 'contract-starts-on', '2027-01-01');
    await typeDay(user, 'contract-ends-on', '2026-12-31');
    fill(screen.getByTestId('contract-amount'), '12.345');
    await user.click(screen.getByTestId('contract-ok'));
    expect(await screen.findByText('Cannot be before the start date')).toBeTruthy();
    expect(screen.getByText('Not a valid amount: not negative, at most two decimals')).toBeTruthy();
    expect(screen.getByText('Required')).toBeTruthy(); // the title
    expect(fake.sent('POST /customers/3/contracts')).toHaveLength(0);
  });

  it('shows the server’s answer at the field: a number already used for the customer', async () => {
    const user = setupUser();
    const fake = api([]).on(
      'POST /customers/:id/contracts',
      apiError(409, 'conflict', { number: 'taken' }),
    );
    await renderSignedIn(<ContractsTab customerId={3} />, { api: fake, language: 'en-US' });
    await user.click(await screen.findByTestId('contract-add'));
    fill(await screen.findByTestId('contract-number'), 'HT-2026-001');
    fill(screen.getByTestId('contract-title'), '补充协议');
    await typeDay(user, 'contract-starts-on', '2026-12-01');
    await user.click(screen.getByTestId('contract-ok'));
    const field = (await screen.findByText('Already in use')).closest('.ant-form-item');
    expect(field?.textContent).toContain('Contract number');
    expect(screen.getByTestId('contract-modal')).toBeTruthy();
  });

  it('edits based on the version read; a 412 says so and reloads the contract', async () => {
    const user = setupUser();
    const changed = { ...soon, version: 2, title: '年度供电服务合同（修订）' };
    const fake = api([soon])
      .on('PATCH /customers/:id/contracts/:id', apiError(412, 'precondition_failed'))
      .on('GET /customers/:id/contracts/:id', changed);
    await renderSignedIn(<ContractsTab customerId={3} />, { api: fake, language: 'en-US' });
    await user.click(await screen.findByTestId('contract-edit-1'));
    fill(await screen.findByTestId('contract-amount'), '1300000');
    await user.click(screen.getByTestId('contract-ok'));
    const stale = await screen.findByTestId('stale-version');
    expect(stale.textContent).toContain('Someone else changed this contract');
    const first = fake.sent('PATCH /customers/3/contracts/1')[0];
    expect(first?.ifMatch).toBe('1');
    expect(first?.body).toEqual({ amount_fen: 130_000_000 });
    // Saving waits for the reload, which brings the other change in.
    expect(screen.getByTestId('contract-ok').hasAttribute('disabled')).toBe(true);
    await user.click(within(stale).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByTestId('stale-version')).toBeNull());
    expect((screen.getByTestId('contract-title') as HTMLInputElement).value).toBe(changed.title);
    fake.on('PATCH /customers/:id/contracts/:id', (call) =>
      makeContract({ ...changed, ...(call.body as object), version: 3 }),
    );
    fill(screen.getByTestId('contract-amount'), '1300000');
    await user.click(screen.getByTestId('contract-ok'));
    await waitFor(() => expect(screen.queryByTestId('contract-modal')).toBeNull());
    expect(fake.sent('PATCH /customers/3/contracts/1')[1]?.ifMatch).toBe('2');
  });

  it('terminates an active contract with its day and reason', async () => {
    const user = setupUser();
    const fake = api([soon]).on('PATCH /customers/:id/contracts/:id', (call) => {
      const ended = makeContract({ ...soon, ...(call.body as object), version: 2 });
      fake.on('GET /customers/:id/contracts', { items: [ended], next_cursor: null });
      return ended;
    });
    await renderSignedIn(<ContractsTab customerId={3} />, { api: fake, language: 'en-US' });
    await user.click(await screen.findByTestId('contract-terminate-1'));
    const day = await screen.findByTestId('contract-terminated-on');
    expect((day as HTMLInputElement).value).toBe('2026-11-24');
    fill(screen.getByTestId('contract-termination-reason'), '客户业务调整，双方协商提前终止');
    await user.click(screen.getByTestId('contract-terminate-ok'));
    await waitFor(() =>
      expect(screen.getByTestId('contract-state-1').textContent).toBe('Terminated'),
    );
    const sent = fake.sent('PATCH /customers/3/contracts/1')[0];
    expect(sent?.ifMatch).toBe('1');
    expect(sent?.body).toEqual({
      status: 'terminated',
      terminated_on: '2026-11-24',
      termination_reason: '客户业务调整，双方协商提前终止',
    });
    expect(screen.queryByTestId('contract-ends-soon-1')).toBeNull();
    expect(screen.queryByTestId('contract-terminate-1')).toBeNull();
  });

  it('deletes a contract once confirmed', async () => {
    const user = setupUser();
    const fake = api([soon]).on('DELETE /customers/:id/contracts/:id', () => {
      fake.on('GET /customers/:id/contracts', { items: [], next_cursor: null });
      return reply(204, null);
    });
    await renderSignedIn(<ContractsTab customerId={3} />, { api: fake, language: 'en-US' });
    await user.click(await screen.findByTestId('contract-delete-1'));
    expect(await screen.findByText('Delete the contract “HT-2026-001”?')).toBeTruthy();
    expect(fake.sent('DELETE /customers/3/contracts/1')).toHaveLength(0);
    await user.click(screen.getByTestId('contract-delete-ok'));
    expect(await screen.findByText('No contracts recorded yet')).toBeTruthy();
    expect(fake.sent('DELETE /customers/3/contracts/1')[0]?.ifMatch).toBe('1');
  });
});
