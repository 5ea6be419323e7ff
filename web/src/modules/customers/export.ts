// Exporting the customer list (导出): `GET /customers/export` with the list's filters, search
// and sort (not its page size), a format and the console's language, answered with the file.
// Needs `data.export` (administrators, executives, directors, KAM specialists); the server
// exports only the customers the user sees and writes every export to the audit log.
import type { TFunction } from 'i18next';
import { isApiError, requestFile, type QueryValue } from '../../api/client';
import type { Locale } from '../../api/types';
import { errorMessage } from '../../app/errors';
import { attachmentFileName } from '../../ui/contentDisposition';
import { downloadBlob } from '../../ui/download';
import type { CustomerQuery } from './listQuery';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The export's query: the list's filters, search and sort as the list sends them, no paging. */
export function customerExportQuery(
  query: CustomerQuery,
  format: ExportFormat,
  lang: Locale,
): Record<string, QueryValue> {
  const filters: Partial<CustomerQuery> = { ...query };
  delete filters.limit;
  return { ...filters, format, lang };
}

/** The export's language: the console's (en-US or, by default, zh-CN). */
export function exportLanguage(language: string): Locale {
  return language === 'en-US' ? 'en-US' : 'zh-CN';
}

export type ExportDone = {
  fileName: string;
  /** Customers exported (`X-Export-Rows`, the header row not counted); null if not said. */
  rows: number | null;
};

/** Asks for the export and saves the file under the name the server gives it. */
export async function exportCustomers(
  query: CustomerQuery,
  format: ExportFormat,
  lang: Locale,
): Promise<ExportDone> {
  const { blob, headers } = await requestFile('GET', '/customers/export', MEDIA_TYPES[format], {
    query: customerExportQuery(query, format, lang),
  });
  const fileName = attachmentFileName(headers.get('Content-Disposition')) ?? `customers.${format}`;
  downloadBlob(fileName, blob);
  const rows = headers.get('X-Export-Rows');
  return { fileName, rows: rows !== null && /^\d+$/.test(rows) ? Number(rows) : null };
}

/**
 * Why an export failed, in words: too many customers match (the server says how many), a
 * refused parameter (the server's own message), or what the error's code means.
 */
export function exportErrorText(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.fields['filter'] === 'too_many_rows')
    return t('customers.export.tooMany', { detail: error.message });
  if (isApiError(error) && error.status === 400 && error.hasFieldProblems) return error.message;
  return errorMessage(t, error);
}
