// What the server reads from a CSV import (POST /customers/import, /transactions/import) and
// the files the console makes in the browser: a template per kind and the rejected rows.
import type { ImportKind, ImportReject, ImportRun, ImportStatus } from '../../api/types';

export const IMPORT_KINDS: readonly ImportKind[] = ['customers', 'transactions'];
export const IMPORT_STATUSES: readonly ImportStatus[] = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
];

/** The largest body the server takes for an import (512 MiB); larger files are refused here. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/** How many rejected rows a run keeps (the first, in line order). */
export const KEPT_REJECTS = 1000;

export type ImportFormat = {
  /** Columns every file must have, in the order the template writes them. */
  required: readonly string[];
  optional: readonly string[];
  /** One example row of the template, in the columns' order. */
  example: readonly string[];
};

export const IMPORT_FORMATS: Record<ImportKind, ImportFormat> = {
  customers: {
    required: ['customer_id', 'name', 'region', 'industry', 'created_at'],
    optional: [],
    example: ['10001', '苏州供电公司', '江苏省苏州市', '电力能源', '2024-03-01'],
  },
  transactions: {
    required: ['txn_id', 'customer_id', 'date', 'amount'],
    optional: ['margin', 'product', 'order_ref'],
    example: ['T-20261008-1', '10001', '2026-10-08', '12500.50', '1800.00', '变压器', 'PO-8823'],
  },
};

/** The header row the template writes: required columns, then the optional ones. */
export function templateHeader(kind: ImportKind): string[] {
  const { required, optional } = IMPORT_FORMATS[kind];
  return [...required, ...optional];
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLines(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A template to fill in: the header and one example row, UTF-8 (the server reads UTF-8). */
export function templateCsv(kind: ImportKind): string {
  return csvLines([templateHeader(kind), IMPORT_FORMATS[kind].example]);
}

/** The rejected rows as CSV: line (in the imported file), column, reason (as `describe` says it). */
export function rejectsCsv(
  rejects: readonly ImportReject[],
  describe: (reason: string) => string = (reason) => reason,
): string {
  return csvLines([
    ['line', 'column', 'reason'],
    ...rejects.map((r) => [r.line, r.column, describe(r.reason)]),
  ]);
}

/** Queued and running runs change; the others have ended for good. */
export function isActive(status: ImportStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** Progress in whole percent (0–100) of the file read up to the last committed batch. */
export function progressPercent(run: Pick<ImportRun, 'bytes_done' | 'bytes_total' | 'status'>) {
  if (run.status === 'succeeded') return 100;
  if (run.bytes_total <= 0) return 0;
  return Math.min(100, Math.floor((run.bytes_done * 100) / run.bytes_total));
}

/**
 * Seconds the run has taken: while it runs, since it started by the browser's clock (the
 * server counts only up to its last batch), never less than the server's count.
 */
export function elapsedSeconds(
  run: Pick<ImportRun, 'status' | 'started_at' | 'seconds'>,
  now: number,
): number {
  if (run.status !== 'running' || !run.started_at) return run.seconds;
  return Math.max(run.seconds, (now - Date.parse(run.started_at)) / 1000);
}

/** The file's name as the server keeps it: no control characters, at most 200 characters. */
export function importFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return Array.from(name.replace(/[\u0000-\u001f\u007f]/g, ''))
    .slice(0, 200)
    .join('');
}
