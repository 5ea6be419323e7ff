// @vitest-environment jsdom
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { request } from '../api/client';
import type { Page } from '../api/types';
import { apiError, fakeApi, renderSignedIn, setupUser, type Call } from '../test/consoleHarness';
import { PagedTable } from './PagedTable';
import { useCursorPages } from './useCursorPages';

type Thing = { id: number; name: string };

const things = (names: string[], next_cursor: string | null = null): Page<Thing> => ({
  items: names.map((name, i) => ({ id: i + 1, name })),
  next_cursor,
});

/** A list page as the console's are made: the cursor and page size drive one query. */
function ThingsPage() {
  const [limit, setLimit] = useState(20);
  const pages = useCursorPages(`limit=${limit}`);
  const query = useQuery({
    queryKey: ['things', limit, pages.cursor],
    queryFn: ({ signal }) =>
      request<Page<Thing>>('GET', '/things', { query: { limit, cursor: pages.cursor }, signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <PagedTable<Thing>
      query={query}
      pages={pages}
      pageSize={limit}
      pageSizes={[20, 50]}
      onPageSizeChange={setLimit}
      rowKey="id"
      data-testid="things"
      empty="No things yet"
      columns={[{ key: 'name', title: 'Name', dataIndex: 'name' }]}
    />
  );
}

const open = (api: ReturnType<typeof fakeApi>) =>
  renderSignedIn(<ThingsPage />, { api, language: 'en-US' });

const shownNames = () =>
  [...screen.getByTestId('things').querySelectorAll('tr.ant-table-row')].map(
    (row) => row.textContent,
  );
// The test id is on the table; its spinner wraps it.
const spinning = () =>
  screen.getByTestId('things').closest('.ant-table-wrapper')?.querySelector('.ant-spin-spinning') !=
  null;
const pageNumber = () => screen.getByTestId('page-number').textContent;
const previous = () => screen.getByTestId('page-previous');
const next = () => screen.getByTestId('page-next');

describe('a cursor-paged table', () => {
  it('spins while the page loads, with the pager held, then shows the rows', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const api = fakeApi().on('GET /things', async () => {
      await answered;
      return things(['甲', '乙']);
    });
    await open(api);

    await waitFor(() => expect(spinning()).toBe(true));
    expect(pageNumber()).toBe('Page 1');
    expect(previous()).toHaveProperty('disabled', true);
    expect(next()).toHaveProperty('disabled', true);

    answer();
    await waitFor(() => expect(shownNames()).toEqual(['甲', '乙']));
    expect(spinning()).toBe(false);
    // The last page: nowhere to go either way.
    expect(previous()).toHaveProperty('disabled', true);
    expect(next()).toHaveProperty('disabled', true);
  });

  it('says what an empty list says, on page 1', async () => {
    await open(fakeApi().on('GET /things', things([])));
    await screen.findByText('No things yet');
    expect(shownNames()).toEqual([]);
    expect(pageNumber()).toBe('Page 1');
    expect(next()).toHaveProperty('disabled', true);
  });

  it('shows a first load that failed as an error with a retry that reads again', async () => {
    const user = setupUser();
    let failing = true;
    const api = fakeApi().on('GET /things', () =>
      failing ? apiError(503, 'unavailable', undefined, 'The database is busy') : things(['甲']),
    );
    await open(api);

    await screen.findByText('Could not load');
    expect(screen.queryByTestId('things')).toBeNull();
    expect(screen.queryByTestId('page-number')).toBeNull();

    failing = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(shownNames()).toEqual(['甲']));
    expect(screen.queryByText('Could not load')).toBeNull();
    expect(api.sent('GET /things')).toHaveLength(2);
  });

  it('goes to the next page with the answer’s cursor and back to the first', async () => {
    const user = setupUser();
    const api = fakeApi().on('GET /things', (call: Call) =>
      call.query.get('cursor') === 'c2' ? things(['丙'], null) : things(['甲', '乙'], 'c2'),
    );
    await open(api);
    await waitFor(() => expect(shownNames()).toEqual(['甲', '乙']));
    expect(previous()).toHaveProperty('disabled', true);

    await user.click(next());
    await waitFor(() => expect(shownNames()).toEqual(['丙']));
    expect(pageNumber()).toBe('Page 2');
    expect(api.sent('GET /things').map((c) => c.query.get('cursor'))).toEqual([null, 'c2']);
    expect(next()).toHaveProperty('disabled', true);
    expect(previous()).toHaveProperty('disabled', false);

    await user.click(previous());
    await waitFor(() => expect(shownNames()).toEqual(['甲', '乙']));
    expect(pageNumber()).toBe('Page 1');
  });

  it('changes the page size through the page, back on page 1', async () => {
    const user = setupUser();
    const api = fakeApi().on('GET /things', (call: Call) =>
      call.query.get('cursor') === 'c2' ? things(['丙']) : things(['甲', '乙'], 'c2'),
    );
    await open(api);
    await waitFor(() => expect(shownNames()).toEqual(['甲', '乙']));
    await user.click(next());
    await waitFor(() => expect(pageNumber()).toBe('Page 2'));

    await user.click(screen.getByRole('combobox', { name: 'Rows per page' }));
    await user.click(within(document.body).getByText('50 / page'));
    await waitFor(() => expect(pageNumber()).toBe('Page 1'));
    const last = api.sent('GET /things').at(-1);
    expect(last?.query.get('limit')).toBe('50');
    expect(last?.query.get('cursor')).toBeNull();
  });

  it('keeps the rows it has when reading them again fails', async () => {
    let failing = false;
    const api = fakeApi().on('GET /things', () =>
      failing ? apiError(503, 'unavailable') : things(['甲']),
    );
    const { client } = await open(api);
    await waitFor(() => expect(shownNames()).toEqual(['甲']));

    failing = true;
    await client.refetchQueries({ queryKey: ['things'] });
    await waitFor(() => expect(api.sent('GET /things')).toHaveLength(2));
    expect(shownNames()).toEqual(['甲']);
    expect(screen.queryByText('Could not load')).toBeNull();
  });
});
