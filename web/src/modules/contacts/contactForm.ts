// Between a contact as the API has it and the values its edit form holds: the birthday as a
// day picker's value; and back to the body sent; and what someone else changed meanwhile.
import dayjs, { type Dayjs } from 'dayjs';
import type { Contact, ContactCreate } from '../../api/types';
import { trimSpace } from '../validation/rules';

export type ContactFormValues = Omit<ContactCreate, 'birthday'> & { birthday?: Dayjs | null };

const TEXT_FIELDS = [
  'name',
  'title',
  'department',
  'phone',
  'email',
  'interests',
  'notes',
] as const;

/** The form's fields, in the order it shows them. */
export const CONTACT_FIELDS = [
  'name',
  'title',
  'department',
  'buying_role',
  'reports_to_id',
  'phone',
  'email',
  'birthday',
  'interests',
  'notes',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export function contactValuesOf(contact: Contact): ContactFormValues {
  const values: ContactFormValues = { name: contact.name };
  for (const f of TEXT_FIELDS) values[f] = contact[f];
  values.buying_role = contact.buying_role;
  values.reports_to_id = contact.reports_to_id;
  values.birthday = contact.birthday ? dayjs(contact.birthday, 'YYYY-MM-DD') : null;
  return values;
}

export function toContactBody(values: ContactFormValues): ContactCreate {
  const body: ContactCreate = { name: '' };
  for (const f of TEXT_FIELDS) body[f] = trimSpace(values[f] ?? '');
  body.buying_role = values.buying_role ?? null;
  body.reports_to_id = values.reports_to_id ?? null;
  body.birthday = values.birthday ? values.birthday.format('YYYY-MM-DD') : null;
  return body;
}

/** The fields someone else changed between the version the form started from and the latest. */
export function changedContactFields(base: Contact, latest: Contact): ContactField[] {
  return CONTACT_FIELDS.filter((f) => (base[f] ?? null) !== (latest[f] ?? null));
}
