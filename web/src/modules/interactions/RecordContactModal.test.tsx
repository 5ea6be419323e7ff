// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  apiError,
  fakeApi,
  fill,
  reply,
  renderSignedIn,
  setupUser,
} from '../../test/consoleHarness';
import { RecordContactModal } from './RecordContactModal';

const customer = { id: 3, name: '上海电力设备有限公司' };

function api() {
  return fakeApi()
    .on('GET /customers/:id', { ...customer, owner_id: 5, owner_name: '王磊', version: 1 })
    .on('GET /customers/:id/contacts', { items: [], next_cursor: null });
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
});
