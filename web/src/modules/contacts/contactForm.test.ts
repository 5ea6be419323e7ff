import { describe, expect, it } from 'vitest';
import type { Contact } from '../../api/types';
import { changedContactFields, contactValuesOf, toContactBody } from './contactForm';

const base = {
  id: 11,
  customer_id: 3,
  version: 1,
  name: '张伟',
  title: '总工程师',
  department: '技术部',
  phone: '13812345678',
  email: '',
  buying_role: null,
  reports_to_id: null,
  interests: '',
  birthday: '1980-05-17',
  notes: '',
  created_at: '2026-03-01T08:00:00Z',
  updated_at: '2026-03-01T08:00:00Z',
} satisfies Contact;

describe('the contact form', () => {
  it('sends back what it was given, trimmed', () => {
    const values = { ...contactValuesOf(base), title: ' 总工程师 ' };
    expect(toContactBody(values)).toEqual({
      name: '张伟',
      title: '总工程师',
      department: '技术部',
      phone: '13812345678',
      email: '',
      buying_role: null,
      reports_to_id: null,
      interests: '',
      birthday: '1980-05-17',
      notes: '',
    });
  });

  it('names the fields someone else changed, in the form’s order, not the version', () => {
    const latest: Contact = {
      ...base,
      version: 4,
      notes: '已调任',
      buying_role: 'decision_maker',
      birthday: null,
      updated_at: '2026-04-01T08:00:00Z',
    };
    expect(changedContactFields(base, latest)).toEqual(['buying_role', 'birthday', 'notes']);
    expect(changedContactFields(base, { ...base, version: 2 })).toEqual([]);
  });
});
