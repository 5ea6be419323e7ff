// Between a customer as the API has it and the values an edit form holds: money as yuan
// text, empty text for "not set"; and back to a PATCH body with only what changed.
import type { Customer, CustomerPatch } from '../../api/types';
import { trimSpace } from '../validation/rules';
import type { EditableField, FieldSpec } from './fields';
import { fenToYuan, yuanToFen } from './money';

export type FormValue = string | number | null;
export type FormValues = Partial<Record<EditableField, FormValue>>;

export function toFormValues(customer: Customer, fields: readonly FieldSpec[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = customer[field.name];
    switch (field.kind) {
      case 'money':
        values[field.name] = typeof value === 'number' ? fenToYuan(value) : '';
        break;
      case 'integer':
      case 'orgUnit':
      case 'owner':
      case 'enum':
        values[field.name] = value ?? null;
        break;
      default:
        values[field.name] = value == null ? '' : String(value);
    }
  }
  return values;
}

function apiValue(field: FieldSpec, value: FormValue | undefined): FormValue {
  switch (field.kind) {
    case 'money':
      return typeof value === 'string' && trimSpace(value) !== '' ? yuanToFen(value) : null;
    case 'integer':
    case 'orgUnit':
    case 'owner':
      return typeof value === 'number' ? value : null;
    case 'enum':
      return typeof value === 'string' && value !== '' ? value : null;
    default: {
      const text = trimSpace(typeof value === 'string' ? value : '');
      return text === '' && field.nullable ? null : text;
    }
  }
}

/** The PATCH body: the fields whose value differs from `customer`, in API form. */
export function toPatch(
  values: FormValues,
  customer: Customer,
  fields: readonly FieldSpec[],
): CustomerPatch {
  const patch: Record<string, FormValue> = {};
  for (const field of fields) {
    const next = apiValue(field, values[field.name]);
    const current = customer[field.name] ?? (field.nullable ? null : '');
    if (next !== current) patch[field.name] = next;
  }
  return patch as CustomerPatch;
}

/** Fields someone else changed between the version the form started from and the latest. */
export function changedFields(
  base: Customer,
  latest: Customer,
  fields: readonly FieldSpec[],
): FieldSpec[] {
  return fields.filter((f) => (base[f.name] ?? null) !== (latest[f.name] ?? null));
}
