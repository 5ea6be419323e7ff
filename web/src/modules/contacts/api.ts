import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { Contact, ContactCreate, ContactPatch, Page } from '../../api/types';

function contactsKey(customerId: number) {
  return ['contacts', customerId] as const;
}

/** All contacts of a customer (a customer has tens, not thousands: read every page). */
async function fetchAllContacts(customerId: number, signal?: AbortSignal): Promise<Contact[]> {
  const all: Contact[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Contact> = await request<Page<Contact>>(
      'GET',
      `/customers/${customerId}/contacts`,
      { query: { limit: 500, cursor }, signal },
    );
    all.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return all;
}

export function useContacts(customerId: number, enabled = true) {
  return useQuery({
    queryKey: contactsKey(customerId),
    queryFn: ({ signal }) => fetchAllContacts(customerId, signal),
    enabled,
  });
}

/** The contact as stored now (to show what changed, and reload the form, after a 412). */
export function fetchContact(customerId: number, contactId: number): Promise<Contact> {
  return request<Contact>('GET', `/customers/${customerId}/contacts/${contactId}`);
}

/**
 * Adds a contact, or changes one based on the version read (If-Match). Field problems and a
 * 412 are shown by the form.
 */
export function useSaveContact(customerId: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { fieldsHandled: true, staleHandled: true },
    mutationFn: ({
      contact,
      values,
    }: {
      contact?: Contact;
      values: ContactCreate | ContactPatch;
    }) =>
      contact
        ? request<Contact>('PATCH', `/customers/${customerId}/contacts/${contact.id}`, {
            body: values,
            ifMatch: contact.version,
          })
        : request<Contact>('POST', `/customers/${customerId}/contacts`, { body: values }),
    onSettled: () => client.invalidateQueries({ queryKey: contactsKey(customerId) }),
  });
}

export function useDeleteContact(customerId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contact: Contact) =>
      request<undefined>('DELETE', `/customers/${customerId}/contacts/${contact.id}`, {
        ifMatch: contact.version,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: contactsKey(customerId) }),
  });
}
