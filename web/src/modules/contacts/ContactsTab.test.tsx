// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../api/types';
import { apiError, fakeApi, fill, renderSignedIn, setupUser } from '../../test/consoleHarness';
import { ContactsTab } from './ContactsTab';

function makeContact(fields: Partial<Contact> & Pick<Contact, 'id'>): Contact {
  return {
    customer_id: 3,
    version: 1,
    name: '张伟',
    title: '总工程师',
    department: '技术部',
    phone: '13812345678',
    email: 'zhang.wei@example.com',
    buying_role: 'influencer',
    reports_to_id: null,
    interests: '',
    birthday: null,
    notes: '',
    created_at: '2026-03-01T08:00:00Z',
    updated_at: '2026-03-01T08:00:00Z',
    ...fields,
  };
}

const zhang = makeContact({ id: 11 });
// What someone else saved meanwhile: a new title and phone, the rest as read.
const changed = { ...zhang, version: 2, title: '副总经理', phone: '0512-68881234' };

function api() {
  return fakeApi()
    .on('GET /customers/:id/contacts', { items: [zhang], next_cursor: null })
    .on('PATCH /customers/:id/contacts/:id', apiError(412, 'precondition_failed'))
    .on('GET /customers/:id/contacts/:id', changed);
}

function valueOf(testId: string): string {
  return (screen.getByTestId(testId) as HTMLInputElement).value;
}

/** Everything but reads: what the console tried to write. */
function writes(fake: ReturnType<typeof fakeApi>) {
  return fake.calls.filter((c) => c.method !== 'GET');
}

describe('editing a contact someone else changed meanwhile (412)', () => {
  it('says what they changed, waits for a reload, then shows the contact as stored now', async () => {
    const user = setupUser();
    const fake = api();
    await renderSignedIn(<ContactsTab customerId={3} />, { api: fake, language: 'en-US' });
    await user.click(await screen.findByTestId('contact-edit-11'));
    fill(await screen.findByTestId('contact-notes'), '喜欢打羽毛球');
    await user.click(screen.getByTestId('contact-ok'));

    const stale = await screen.findByTestId('stale-version');
    expect(stale.textContent).toContain('Someone else changed this contact');
    expect(stale.textContent).toContain(
      'They changed: Title, Phone. Reload it before saving; your changes in this form will be replaced.',
    );
    // The one write was based on the version read, and was refused: nothing is saved.
    expect(writes(fake)).toHaveLength(1);
    expect(fake.sent('PATCH /customers/3/contacts/11')[0]?.ifMatch).toBe('1');
    // What was typed stays on screen until the user reloads; saving waits for the reload.
    expect(valueOf('contact-notes')).toBe('喜欢打羽毛球');
    const ok = screen.getByTestId('contact-ok');
    expect(ok.hasAttribute('disabled')).toBe(true);
    fireEvent.click(ok);
    expect(writes(fake)).toHaveLength(1);

    const reads = fake.sent('GET /customers/3/contacts/11').length;
    await user.click(within(stale).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByTestId('stale-version')).toBeNull());
    expect(fake.sent('GET /customers/3/contacts/11')).toHaveLength(reads + 1);
    expect(valueOf('contact-title')).toBe('副总经理');
    expect(valueOf('contact-phone')).toBe('0512-68881234');
    expect(valueOf('contact-notes')).toBe('');
    expect(writes(fake)).toHaveLength(1);

    // Saving again is based on the version reloaded.
    fake.on('PATCH /customers/:id/contacts/:id', (call) => ({
      ...changed,
      ...(call.body as object),
      version: 3,
    }));
    expect(ok.hasAttribute('disabled')).toBe(false);
    fill(screen.getByTestId('contact-notes'), '喜欢打羽毛球');
    await user.click(ok);
    await waitFor(() => expect(screen.queryByTestId('contact-modal')).toBeNull());
    const second = fake.sent('PATCH /customers/3/contacts/11')[1];
    expect(second?.ifMatch).toBe('2');
    expect(second?.body).toMatchObject({
      title: '副总经理',
      phone: '0512-68881234',
      notes: '喜欢打羽毛球',
    });
  });

  it('speaks Chinese: 该联系人已被他人修改, and names the fields changed', async () => {
    const user = setupUser();
    await renderSignedIn(<ContactsTab customerId={3} />, { api: api() });
    await user.click(await screen.findByTestId('contact-edit-11'));
    fill(await screen.findByTestId('contact-notes'), '喜欢打羽毛球');
    await user.click(screen.getByTestId('contact-ok'));
    const stale = await screen.findByTestId('stale-version');
    expect(stale.textContent).toContain('该联系人已被他人修改');
    expect(stale.textContent).toContain(
      '他人修改了：职务、电话。请重新加载后再保存，您在此处的修改将被替换。',
    );
    expect(within(stale).getByRole('button', { name: '重新加载' })).toBeTruthy();
  });

  it('still says so when the contact as stored now cannot be read, and why a reload failed', async () => {
    const user = setupUser();
    const fake = api().on('GET /customers/:id/contacts/:id', apiError(503, 'unavailable'));
    await renderSignedIn(<ContactsTab customerId={3} />, { api: fake, language: 'en-US' });
    await user.click(await screen.findByTestId('contact-edit-11'));
    fill(await screen.findByTestId('contact-notes'), '喜欢打羽毛球');
    await user.click(screen.getByTestId('contact-ok'));
    const stale = await screen.findByTestId('stale-version');
    expect(stale.textContent).toContain(
      'Reload it before saving; your changes in this form will be replaced.',
    );
    await user.click(within(stale).getByRole('button', { name: 'Reload' }));
    expect(await screen.findByTestId('contact-problem')).toBeTruthy();
    // The alert stays, saving stays off, and what was typed is still there.
    expect(screen.getByTestId('stale-version')).toBeTruthy();
    expect(screen.getByTestId('contact-ok').hasAttribute('disabled')).toBe(true);
    expect(valueOf('contact-notes')).toBe('喜欢打羽毛球');
    expect(writes(fake)).toHaveLength(1);
  });
});
