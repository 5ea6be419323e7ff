// API errors in the user's words: one place turns an ApiError into text, for messages,
// notifications and form fields alike.
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.code.unknown');
  if (error.inDoubt) return t('errors.code.unavailable_in_doubt');
  return t(`errors.code.${error.code}`, { defaultValue: error.message });
}

export function fieldProblemMessage(t: TFunction, problem: string): string {
  return t(`errors.field.${problem}`, { defaultValue: problem });
}

/** The server's `fields` as antd Form field errors; fields the form does not show are left out. */
export function formFieldErrors<Field extends string>(
  t: TFunction,
  error: unknown,
  shownFields: readonly Field[],
): { name: Field; errors: string[] }[] {
  if (!isApiError(error)) return [];
  return shownFields
    .filter((name) => error.fields[name] !== undefined)
    .map((name) => ({ name, errors: [fieldProblemMessage(t, error.fields[name] ?? '')] }));
}
