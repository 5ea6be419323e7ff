// Import runs as GET /imports and GET /imports/{id} answer them, for the data import pages.
import type { ImportRun } from '../api/types';

/** A customers import by the KAM specialist 李娜 (id 1) that has just been queued. */
export function makeImportRun(fields: Partial<ImportRun> & Pick<ImportRun, 'id'>): ImportRun {
  return {
    kind: 'customers',
    status: 'queued',
    file_name: 'customers.csv',
    bytes_total: 4096,
    bytes_done: 0,
    rows: 0,
    imported: 0,
    rejected: 0,
    error: null,
    cancel_requested: false,
    created_by: 1,
    created_by_name: '李娜',
    created_at: '2026-03-01T08:00:00Z',
    started_at: null,
    finished_at: null,
    seconds: 0,
    rejects: [],
    ...fields,
  };
}

/** The same run part-way, then done: what polling GET /imports/{id} sees. */
export function importRunStages(id: number): {
  queued: ImportRun;
  running: ImportRun;
  done: ImportRun;
} {
  const started = { started_at: '2026-03-01T08:00:01Z' };
  return {
    queued: makeImportRun({ id, status: 'queued' }),
    running: makeImportRun({
      id,
      status: 'running',
      ...started,
      bytes_done: 2048,
      rows: 50,
      imported: 49,
      rejected: 1,
      seconds: 0.5,
    }),
    done: makeImportRun({
      id,
      status: 'succeeded',
      ...started,
      finished_at: '2026-03-01T08:00:03Z',
      bytes_done: 4096,
      rows: 100,
      imported: 99,
      rejected: 1,
      seconds: 1.6,
      rejects: [
        { line: 12, column: 'created_at', reason: 'not a date (YYYY-MM-DD) or RFC 3339 time' },
      ],
    }),
  };
}
