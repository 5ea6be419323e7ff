// Why the server refused a file, in the user's words: the header row's problems name the
// column; permission, size and a busy node each have their own sentence.
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { errorMessage, fieldProblemMessage } from '../../app/errors';

const HEADER_PROBLEMS = ['missing_column', 'unknown_column', 'duplicate_column'] as const;

/** One server field problem (`header: missing_column: amount`, `file: empty`) in words. */
function fieldProblem(t: TFunction, field: string, problem: string): string {
  if (field === 'header') {
    const [code, column = ''] = problem.split(/:\s*/, 2);
    const known = HEADER_PROBLEMS.find((c) => c === code);
    if (known) return t(`imports.problem.${known}`, { column });
  }
  if (field === 'file' && problem === 'empty') return t('imports.problem.empty');
  return `${field}: ${fieldProblemMessage(t, problem)}`;
}

/** The sentences that say why starting an import failed (one or more). */
export function startProblems(t: TFunction, error: unknown): string[] {
  if (isApiError(error)) {
    const fields = Object.entries(error.fields);
    if (error.status === 400 && fields.length > 0) {
      return fields.map(([field, problem]) => fieldProblem(t, field, problem));
    }
    if (error.status === 403) return [t('imports.problem.forbidden')];
    if (error.status === 413) return [t('imports.problem.tooLarge')];
    if (error.status === 503 && !error.inDoubt) return [t('imports.problem.busy')];
  }
  return [errorMessage(t, error)];
}
