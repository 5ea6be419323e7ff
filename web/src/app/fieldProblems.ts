// The server's field problems sorted onto a form: those of fields the form shows go next to
// them, the rest are said in one line above the form.
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';
import { fieldProblemMessage } from './errors';

export type PlacedProblems<Field extends string> = {
  /** For `form.setFields`. */
  fields: { name: Field; errors: string[] }[];
  /** Problems of fields the form does not show, as `field: problem`. */
  unplaced: string[];
};

/**
 * `fieldOf` names the form field a server field belongs to (`contact_ids[2]` → `contact_ids`),
 * or null when the form does not show it.
 */
export function placeFieldProblems<Field extends string>(
  t: TFunction,
  error: unknown,
  fieldOf: (serverField: string) => Field | null,
): PlacedProblems<Field> {
  const byField = new Map<Field, string[]>();
  const unplaced: string[] = [];
  for (const [field, code] of Object.entries(isApiError(error) ? error.fields : {})) {
    const name = fieldOf(field);
    const text = fieldProblemMessage(t, code);
    if (name) byField.set(name, [...(byField.get(name) ?? []), text]);
    else unplaced.push(`${field}: ${text}`);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), unplaced };
}

/** `contact_ids[2]` → `contact_ids` when that is one of `fields`; null otherwise. */
export function formFieldIn<Field extends string>(
  fields: readonly Field[],
  serverField: string,
): Field | null {
  const base = serverField.replace(/\[\d+\]$/, '');
  return fields.find((f) => f === base) ?? null;
}
