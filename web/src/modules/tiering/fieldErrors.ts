// The server's problems with a definition, placed on the editor's fields.
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { fieldProblemMessage } from '../../app/errors';
import { formPathOf, type FieldPath, type FormProblem, type SchemeKind } from './definition';

export type PlacedErrors = {
  fields: { name: FieldPath; errors: string[] }[];
  /** Problems no field of the form shows, as "path: problem" in words. */
  unplaced: string[];
};

export function placeProblems(t: TFunction, problems: FormProblem[]): PlacedErrors['fields'] {
  return problems.map((p) => ({ name: p.name, errors: [fieldProblemMessage(t, p.problem)] }));
}

/** A failed save or preview's field problems, by form field; nothing for other errors. */
export function schemeFieldErrors(t: TFunction, error: unknown, kind: SchemeKind): PlacedErrors {
  const placed: PlacedErrors = { fields: [], unplaced: [] };
  if (!isApiError(error)) return placed;
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const [path, problem] of Object.entries(error.fields)) {
    const message = fieldProblemMessage(t, problem);
    const name = formPathOf(kind, path);
    if (!name) {
      placed.unplaced.push(`${path}: ${message}`);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  }
  placed.fields = [...byField.values()];
  return placed;
}
