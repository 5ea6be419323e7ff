// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportRun } from '../api/types';
import {
  apiError,
  captureDownloads,
  fakeApi,
  renderSignedIn,
  reply,
  setupUser,
  userOf,
  type FakeApi,
} from '../test/consoleHarness';
import { importRunStages, makeImportRun } from '../test/importFixtures';
import ImportsPage from './ImportsPage';

const specialist = userOf({ id: 1, display_name: '李娜', role: 'specialist' });
const noRuns = { items: [], next_cursor: null };

const open = (fake: FakeApi, language: 'zh-CN' | 'en-US' = 'en-US', url = '/imports') =>
  renderSignedIn(<ImportsPage />, { api: fake, path: '/imports', url, user: specialist, language });

/** The file input of the drop area, where a user's chosen file arrives. */
function fileInput(): HTMLInputElement {
  const input = screen.getByTestId('import-start').querySelector('input[type=file]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
  return input;
}

const csv = (text: string, name = 'customers.csv') => new File([text], name, { type: 'text/csv' });

describe('starting an import', () => {
  it('shows the header a kind needs and downloads a template made in the browser', async () => {
    const user = setupUser();
    const downloads = captureDownloads();
    await open(fakeApi().on('GET /imports', noRuns));
    const format = screen.getByTestId('import-format');
    expect(within(format).getByTestId('import-header').textContent).toBe(
      'customer_id,name,region,industry,created_at',
    );
    await user.click(within(format).getByTestId('import-template'));
    // A byte-order mark first, for spreadsheets; the import skips it.
    expect(await downloads.saved()).toEqual([
      {
        name: 'kams-customers-template.csv',
        text:
          '\uFEFFcustomer_id,name,region,industry,created_at\r\n' +
          '10001,苏州供电公司,江苏省苏州市,电力能源,2024-03-01\r\n',
      },
    ]);

    await user.click(within(screen.getByTestId('import-kind')).getByText('Transactions'));
    expect(within(format).getByTestId('import-header').textContent).toBe(
      'txn_id,customer_id,date,amount,margin,product,order_ref',
    );
    expect(within(format).getByText('Optional columns')).toBeTruthy();
    await user.click(within(format).getByTestId('import-template'));
    const [, transactions] = await downloads.saved();
    expect(transactions?.name).toBe('kams-transactions-template.csv');
    expect(transactions?.text.split('\r\n')[0]).toBe(
      '\uFEFFtxn_id,customer_id,date,amount,margin,product,order_ref',
    );
  });

  it('sends the chosen file in the background, follows it every second and stops when it ends', async () => {
    const user = setupUser();
    const { queued, running, done } = importRunStages(7);
    const answers = [running, running, done];
    const fake = fakeApi()
      .on('GET /imports', noRuns)
      .on('POST /customers/import', reply(202, queued))
      .on('GET /imports/7', () => answers.shift() ?? done);
    await open(fake);

    await user.upload(fileInput(), csv('customer_id,name,region,industry,created_at\n'.repeat(40)));
    expect(screen.getByTestId('import-chosen').textContent).toBe('Chosen: customers.csv (1.7 KB)');
    await user.click(screen.getByTestId('import-submit'));

    const current = await screen.findByTestId('import-current');
    const [sent] = fake.sent('POST /customers/import');
    expect(sent?.contentType).toBe('text/csv');
    expect(sent?.prefer).toBe('respond-async');
    expect(sent?.query.get('file_name')).toBe('customers.csv');
    expect(sent?.body).toBeInstanceOf(File);
    // The chosen file is let go: importing again needs a new choice.
    expect(screen.queryByTestId('import-chosen')).toBeNull();

    // Running: the bar and counters as the server reports them.
    await within(current).findByText('2.0 KB / 4.0 KB');
    expect(within(current).getByTestId('import-progress-bar').textContent).toContain('50%');
    expect(within(current).getByTestId('import-imported').textContent).toContain('49');
    expect(within(current).getByTestId('import-cancel')).toBeTruthy();

    // Done: said in a sentence, no Cancel, and no more reading.
    await within(current).findByText('Import finished: imported 99, rejected 1.', undefined, {
      timeout: 10_000,
    });
    expect(within(current).queryByTestId('import-cancel')).toBeNull();
    expect(within(current).getByTestId('import-status').textContent).toBe('Succeeded');
    const reads = fake.sent('GET /imports/7').length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(fake.sent('GET /imports/7').length).toBe(reads);
  });

  it('asks before cancelling, and says the run will stop after its batch', async () => {
    const user = setupUser();
    const { running } = importRunStages(7);
    let state: ImportRun = running;
    const fake = fakeApi()
      .on('GET /imports', noRuns)
      .on('POST /customers/import', reply(202, running))
      .on('GET /imports/7', () => state)
      .on('POST /imports/7/cancel', () => {
        state = { ...running, cancel_requested: true };
        return state;
      });
    await open(fake);
    await user.upload(fileInput(), csv('customer_id,name,region,industry,created_at\n'));
    await user.click(screen.getByTestId('import-submit'));
    await user.click(await screen.findByTestId('import-cancel'));
    await screen.findByText('Cancel this import?');
    expect(fake.sent('POST /imports/7/cancel')).toEqual([]);
    await user.click(screen.getByTestId('import-cancel-confirm'));

    await screen.findByText('Cancel requested');
    await screen.findByTestId('import-stopping');
    expect(fake.sent('POST /imports/7/cancel')).toHaveLength(1);
    await waitFor(() =>
      expect((screen.getByTestId('import-cancel') as HTMLButtonElement).disabled).toBe(true),
    );

    // It stops after the batch: the run, read again, ends cancelled.
    state = {
      ...running,
      status: 'cancelled',
      cancel_requested: true,
      finished_at: '2026-03-01T08:00:02Z',
    };
    await screen.findByText('The import was cancelled; the rows imported before stay.', undefined, {
      timeout: 10_000,
    });
  });

  it.each([
    [
      'a header without a column',
      apiError(400, 'validation_failed', { header: 'missing_column: amount' }),
      'The header lacks the column "amount".',
    ],
    ['no permission', apiError(403, 'forbidden'), 'You may not import data.'],
    [
      'a file too large',
      apiError(413, 'payload_too_large'),
      'The file is larger than the 512 MiB the server accepts; split it and import the parts.',
    ],
    [
      'a busy server',
      apiError(503, 'unavailable'),
      'The server cannot take an import just now: 4 imports are already waiting, or its database cannot be reached. Nothing was imported; please try again later.',
    ],
  ])('says in words why the server refused it: %s', async (_, answer, sentence) => {
    const user = setupUser();
    const fake = fakeApi().on('GET /imports', noRuns).on('POST /transactions/import', answer);
    await open(fake);
    await user.click(within(screen.getByTestId('import-kind')).getByText('Transactions'));
    await user.upload(fileInput(), csv('txn_id,customer_id,date\n', 'orders.csv'));
    await user.click(screen.getByTestId('import-submit'));
    const problem = await screen.findByTestId('import-problem');
    expect(problem.textContent).toContain(sentence);
    expect(screen.queryByTestId('import-current')).toBeNull();
    // The file stays chosen, to try again.
    expect(screen.getByTestId('import-chosen').textContent).toContain('orders.csv');
  });

  it('asks for a CSV file before sending anything', async () => {
    const user = setupUser();
    const fake = fakeApi().on('GET /imports', noRuns);
    await open(fake, 'zh-CN');
    await user.click(screen.getByTestId('import-submit'));
    expect((await screen.findByTestId('import-problem')).textContent).toContain(
      '请先选择一个 CSV 文件',
    );
    expect(fake.sent('POST /customers/import')).toEqual([]);
  });
});

describe('the import being followed', () => {
  it('is shown again on coming back to the page, until it has ended and is dismissed', async () => {
    const user = setupUser();
    const { queued, running, done } = importRunStages(7);
    let state: ImportRun = running;
    const fake = fakeApi()
      .on('GET /imports', noRuns)
      .on('POST /customers/import', reply(202, queued))
      .on('GET /imports/7', () => state);
    const { router } = await open(fake);
    await user.upload(fileInput(), csv('customer_id,name,region,industry,created_at\n'));
    await user.click(screen.getByTestId('import-submit'));
    await within(await screen.findByTestId('import-current')).findByText('2.0 KB / 4.0 KB');

    // Away to the customers and back: the run is followed again, and cannot be put away
    // while it runs.
    await act(() => router.navigate('/customers'));
    expect(screen.queryByTestId('import-current')).toBeNull();
    await act(() => router.navigate('/imports'));
    const current = await screen.findByTestId('import-current');
    await within(current).findByText('2.0 KB / 4.0 KB');
    expect(within(current).queryByTestId('import-current-dismiss')).toBeNull();

    // It ends while the page is shown: it stays, saying how it ended, until dismissed.
    state = done;
    await within(current).findByText('Import finished: imported 99, rejected 1.', undefined, {
      timeout: 10_000,
    });
    await act(() => router.navigate('/customers'));
    await act(() => router.navigate('/imports'));
    const ended = await screen.findByTestId('import-current');
    await within(ended).findByText('Import finished: imported 99, rejected 1.');
    await user.click(within(ended).getByTestId('import-current-dismiss'));
    expect(screen.queryByTestId('import-current')).toBeNull();

    await act(() => router.navigate('/customers'));
    await act(() => router.navigate('/imports'));
    await screen.findByText('No imports yet');
    expect(screen.queryByTestId('import-current')).toBeNull();
  });

  it('survives a reload of the page in the same tab, for the user who started it', async () => {
    const user = setupUser();
    const { queued, running } = importRunStages(7);
    const fake = fakeApi()
      .on('GET /imports', noRuns)
      .on('POST /customers/import', reply(202, queued))
      .on('GET /imports/7', running);
    await open(fake);
    await user.upload(fileInput(), csv('customer_id,name,region,industry,created_at\n'));
    await user.click(screen.getByTestId('import-submit'));
    await screen.findByTestId('import-current');

    cleanup(); // the page is gone, a new one (with a new query cache) opens
    const reads = fake.sent('GET /imports/7').length;
    await open(fake);
    await within(await screen.findByTestId('import-current')).findByText('2.0 KB / 4.0 KB');
    expect(fake.sent('GET /imports/7').length).toBeGreaterThan(reads);

    // Another user signing in in the same tab does not follow it.
    cleanup();
    const admin = userOf({ id: 2, display_name: 'Admin', role: 'admin' });
    await renderSignedIn(<ImportsPage />, { api: fake, path: '/imports', user: admin });
    await screen.findByText('还没有导入记录');
    expect(screen.queryByTestId('import-current')).toBeNull();
  });
});

describe('the import runs', () => {
  it('says when there are none yet, and when none match the filters', async () => {
    const user = setupUser();
    const fake = fakeApi().on('GET /imports', noRuns);
    await open(fake, 'zh-CN');
    await screen.findByText('还没有导入记录');
    await user.click(screen.getByText('交易', { selector: '.ant-segmented-item-label' }));
    await screen.findByText('没有符合条件的导入记录');
    expect(fake.sent('GET /imports').at(-1)?.query.get('kind')).toBe('transactions');
  });

  it('lists runs newest first with who started them, and opens one', async () => {
    const user = setupUser();
    const fake = fakeApi().on('GET /imports', {
      items: [
        makeImportRun({
          id: 9,
          kind: 'transactions',
          status: 'failed',
          file_name: 'orders-2026.csv',
          rows: 40000,
          imported: 20000,
          rejected: 3,
          started_at: '2026-03-01T09:00:00Z',
          seconds: 75,
          error: 'the database failed',
        }),
        makeImportRun({
          id: 8,
          status: 'succeeded',
          file_name: '',
          created_by: null,
          created_by_name: '',
          rows: 10,
          imported: 10,
          started_at: '2026-03-01T08:00:00Z',
          seconds: 0.42,
        }),
      ],
      next_cursor: null,
    });
    const { router } = await open(fake, 'en-US', '/imports?status=failed');
    const table = await screen.findByTestId('import-runs');
    await within(table).findByText('orders-2026.csv');
    expect(fake.sent('GET /imports')[0]?.query.get('status')).toBe('failed');
    const [, failed, cli] = within(table).getAllByRole('row') as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(within(failed).getByText('Failed')).toBeTruthy();
    expect(within(failed).getByText('李娜')).toBeTruthy();
    expect(within(failed).getByText('1:15')).toBeTruthy();
    expect(within(cli).getByText('command line')).toBeTruthy();
    expect(within(cli).getByText('(no name)')).toBeTruthy();
    expect(within(cli).getByText('0.4 s')).toBeTruthy();
    expect(within(table).getByTestId('import-9').getAttribute('href')).toBe('/imports/9');

    await user.click(within(cli).getByText('command line'));
    expect(router.state.location.pathname).toBe('/imports/8');
  });
});
