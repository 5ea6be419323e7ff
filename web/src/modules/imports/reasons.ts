// Why the server refused a row, in the console's language. The server writes reasons for
// people in English (core/imports/import_rows.cc) or as field problem codes; the known ones
// are said in words here, anything else is shown as the server wrote it.
import type { TFunction } from 'i18next';
import { fieldProblemMessage } from '../../app/errors';

type Known = {
  pattern: RegExp;
  key: string;
  values?: (m: RegExpMatchArray) => Record<string, string | undefined>;
};

const KNOWN: readonly Known[] = [
  { pattern: /^not a date \(YYYY-MM-DD\)$/, key: 'imports.reason.notDate' },
  { pattern: /^not a date \(YYYY-MM-DD\) or RFC 3339 time$/, key: 'imports.reason.notDateOrTime' },
  {
    pattern: /^not an amount in yuan with at most two decimals$/,
    key: 'imports.reason.notAmount',
  },
  { pattern: /^no customer with this id$/, key: 'imports.reason.noCustomer' },
  { pattern: /^duplicate: already imported$/, key: 'imports.reason.duplicate' },
  {
    pattern: /^duplicate: customer (.+) exists$/,
    key: 'imports.reason.duplicateCustomer',
    values: (m) => ({ ref: m[1] }),
  },
  {
    pattern: /^expected (\d+) columns, got (\d+)$/,
    key: 'imports.reason.columnCount',
    values: (m) => ({ expected: m[1], got: m[2] }),
  },
  { pattern: /^not UTF-8 text$/, key: 'imports.reason.notUtf8' },
  { pattern: /^unterminated quoted field$/, key: 'imports.reason.unterminatedQuote' },
];

/** A rejected row's reason in words: known sentences translated, field codes as in forms. */
export function rejectReason(t: TFunction, reason: string): string {
  for (const { pattern, key, values } of KNOWN) {
    const m = reason.match(pattern);
    if (m) return t(key, values?.(m) ?? {});
  }
  return fieldProblemMessage(t, reason);
}
