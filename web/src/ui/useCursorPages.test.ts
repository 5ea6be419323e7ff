// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCursorPages, type CursorPageResult } from './useCursorPages';

const answer = (next_cursor: string | null): CursorPageResult => ({
  data: { next_cursor },
  isFetching: false,
});

function renderPages(filterKey = 'stage=active') {
  return renderHook(({ filterKey }) => useCursorPages(filterKey), {
    initialProps: { filterKey },
  });
}

describe('paging a cursor-paged list', () => {
  it('starts on the first page, asked without a cursor, with nowhere to go back to', () => {
    const { result } = renderPages();
    expect(result.current.cursor).toBeNull();
    const pager = result.current.pager(answer('c2'));
    expect(pager).toMatchObject({ page: 1, hasPrevious: false, hasNext: true });
  });

  it("goes forward with each answer's next cursor and back the way it came", () => {
    const { result } = renderPages();
    act(() => result.current.pager(answer('c2')).onNext());
    expect(result.current.cursor).toBe('c2');
    expect(result.current.pager(answer('c3'))).toMatchObject({ page: 2, hasPrevious: true });

    act(() => result.current.pager(answer('c3')).onNext());
    expect(result.current.cursor).toBe('c3');
    expect(result.current.pager(answer(null)).page).toBe(3);

    act(() => result.current.pager(answer(null)).onPrevious());
    expect(result.current.cursor).toBe('c2');
    act(() => result.current.pager(answer('c3')).onPrevious());
    expect(result.current.cursor).toBeNull();
    expect(result.current.pager(answer('c2'))).toMatchObject({ page: 1, hasPrevious: false });
  });

  it('offers no next page on the last page, nor before the answer has come', () => {
    const { result } = renderPages();
    const last = result.current.pager(answer(null));
    expect(last.hasNext).toBe(false);
    act(() => last.onNext());
    expect(result.current.cursor).toBeNull();
    expect(result.current.pager({ data: undefined, isFetching: true })).toMatchObject({
      hasNext: false,
      loading: true,
    });
  });

  it('goes back to the first page when the filters change, and stays there', () => {
    const { result, rerender } = renderPages('stage=active');
    act(() => result.current.pager(answer('c2')).onNext());
    act(() => result.current.pager(answer('c3')).onNext());
    expect(result.current.cursor).toBe('c3');

    rerender({ filterKey: 'stage=prospect' });
    expect(result.current.cursor).toBeNull();
    expect(result.current.pager(answer('p2')).page).toBe(1);

    act(() => result.current.pager(answer('p2')).onNext());
    expect(result.current.cursor).toBe('p2');
    // Back to the earlier filters: their first page, not the page left there.
    rerender({ filterKey: 'stage=active' });
    expect(result.current.cursor).toBeNull();
  });
});
