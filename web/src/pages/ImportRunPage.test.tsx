// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportReject } from '../api/types';
import {
  apiError,
  captureDownloads,
  fakeApi,
  renderSignedIn,
  setupUser,
  userOf,
  type FakeApi,
} from '../test/consoleHarness';
import { importRunStages, makeImportRun } from '../test/importFixtures';
import ImportRunPage from './ImportRunPage';

const open = (fake: FakeApi, language: 'zh-CN' | 'en-US' = 'en-US') =>
  renderSignedIn(<ImportRunPage />, {
    api: fake,
    path: '/imports/:id',
    url: '/imports/7',
    user: userOf({ id: 1, display_name: '李娜', role: 'specialist' }),
    language,
  });

const rejects = (n: number): ImportReject[] =>
  Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    column: i % 2 ? 'amount' : '',
    reason: i % 2 ? 'not an amount in yuan with at most two decimals' : 'expected 4 columns, got 5',
  }));

describe('an import run', () => {
  it('shows its outcome and rejected rows, and downloads them as CSV', async () => {
    const user = setupUser();
    const downloads = captureDownloads();
    const { done } = importRunStages(7);
    const fake = fakeApi().on('GET /imports/7', done);
    await open(fake);
    expect((await screen.findByTestId('import-title')).textContent).toBe('Import run #7');
    expect(screen.getByTestId('import-ended').textContent).toContain(
      'Import finished: imported 99, rejected 1.',
    );
    const detail = screen.getByTestId('import-detail');
    expect(within(detail).getByText('customers.csv')).toBeTruthy();
    expect(within(detail).getByText('李娜')).toBeTruthy();
    expect(within(detail).getByText('1.6 s')).toBeTruthy();
    const table = screen.getByTestId('import-rejects');
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('12')).toBeTruthy();
    expect(within(row).getByText('created_at')).toBeTruthy();
    expect(within(row).getByText('Not a date (YYYY-MM-DD) or RFC 3339 time')).toBeTruthy();
    expect(screen.queryByTestId('import-rejects-partial')).toBeNull();
    expect(screen.queryByTestId('import-cancel')).toBeNull();

    await user.click(screen.getByTestId('import-rejects-download'));
    expect(await downloads.saved()).toEqual([
      {
        name: 'kams-import-7-rejected.csv',
        text: '\uFEFFline,column,reason\r\n12,created_at,Not a date (YYYY-MM-DD) or RFC 3339 time\r\n',
      },
    ]);
  });

  it('says when only the first 1,000 rejected rows are kept', async () => {
    const fake = fakeApi().on(
      'GET /imports/7',
      makeImportRun({
        id: 7,
        status: 'succeeded',
        kind: 'transactions',
        rows: 5000,
        imported: 3000,
        rejected: 2000,
        rejects: rejects(1000),
        started_at: '2026-03-01T08:00:01Z',
        seconds: 3,
      }),
    );
    await open(fake, 'zh-CN');
    expect((await screen.findByTestId('import-rejects-partial')).textContent).toBe(
      '共 2000 行被拒，只保留了前 1000 行。',
    );
    // A fault of the whole row names no column.
    expect(within(screen.getByTestId('import-rejects')).getAllByText('整行').length).toBe(25);
  });

  it('says why a run failed or was interrupted, run by the command line', async () => {
    const fake = fakeApi().on(
      'GET /imports/7',
      makeImportRun({
        id: 7,
        status: 'interrupted',
        created_by: null,
        created_by_name: '',
        bytes_done: 1024,
        rows: 20000,
        imported: 20000,
        started_at: '2026-03-01T08:00:01Z',
        finished_at: '2026-03-01T08:02:01Z',
        seconds: 95,
        error: 'the server stopped while importing',
      }),
    );
    await open(fake);
    const ended = await screen.findByTestId('import-ended');
    expect(ended.textContent).toContain('The import was interrupted.');
    expect(ended.textContent).toContain('the server stopped while importing');
    expect(within(screen.getByTestId('import-detail')).getByText('command line')).toBeTruthy();
    expect(within(screen.getByTestId('import-detail')).getByText('1:35')).toBeTruthy();
    await screen.findByText('No rows were rejected');
    expect((screen.getByTestId('import-rejects-download') as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('says when a run ended before its cancel arrived (409), and reads it again', async () => {
    const user = setupUser();
    const { running, done } = importRunStages(7);
    let state = running;
    const fake = fakeApi()
      .on('GET /imports/7', () => state)
      .on('POST /imports/7/cancel', () => {
        state = done;
        return apiError(409, 'conflict');
      });
    await open(fake);
    await user.click(await screen.findByTestId('import-cancel'));
    await user.click(await screen.findByTestId('import-cancel-confirm'));
    await screen.findByText('This import has already ended and cannot be cancelled.');
    await screen.findByText('Import finished: imported 99, rejected 1.');
    expect(screen.queryByTestId('import-cancel')).toBeNull();
  });

  it('says when there is no such run', async () => {
    await open(fakeApi().on('GET /imports/7', apiError(404, 'not_found')));
    await screen.findByText('This import run does not exist.');
  });
});
