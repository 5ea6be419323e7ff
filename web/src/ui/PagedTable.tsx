import { Empty, Space, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { CursorPager } from './CursorPager';
import { ErrorState } from './ErrorState';
import type { useCursorPages } from './useCursorPages';

/** What the shell needs of a page's query (TanStack Query's result has it all). */
export type PagedQuery<T> = {
  data?: { items: T[]; next_cursor: string | null } | undefined;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
};

type Paging<T> = {
  /** The current page's query, asked with `pages.cursor`. */
  query: PagedQuery<T>;
  pages: ReturnType<typeof useCursorPages>;
  pageSize: number;
  pageSizes: readonly number[];
  onPageSizeChange: (size: number) => void;
};

/**
 * A cursor-paged list's states, once for every list: a first load that failed is an
 * `ErrorState` with a retry (a failed refetch keeps the rows already shown); otherwise
 * `children` gets the page's rows and the `CursorPager` to place below them.
 */
export function PagedList<T>({
  query,
  pages,
  pageSize,
  pageSizes,
  onPageSizeChange,
  children,
}: Paging<T> & { children: (items: T[], pager: ReactNode) => ReactNode }) {
  if (query.isError && !query.data)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return children(
    query.data?.items ?? [],
    <CursorPager
      {...pages.pager(query)}
      pageSize={pageSize}
      pageSizes={pageSizes}
      onPageSizeChange={onPageSizeChange}
    />,
  );
}

type Props<T> = Paging<T> &
  Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading' | 'locale'> & {
    /** What an empty page says (the `Empty`'s description). */
    empty: ReactNode;
    /** Whether the table shows its spinner; default: while the page's query runs. */
    loading?: boolean;
    'data-testid'?: string;
  };

/**
 * A cursor-paged table: the page's rows in an unpaged antd `Table` (middle size, scrolling
 * sideways when wide) with the `CursorPager` below it, or the `ErrorState` of `PagedList`.
 * Other `Table` props (columns, rowKey, onRow, expandable…) are passed on.
 */
export function PagedTable<T extends object>({
  query,
  pages,
  pageSize,
  pageSizes,
  onPageSizeChange,
  empty,
  loading,
  ...table
}: Props<T>) {
  return (
    <PagedList
      query={query}
      pages={pages}
      pageSize={pageSize}
      pageSizes={pageSizes}
      onPageSizeChange={onPageSizeChange}
    >
      {(items, pager) => (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Table<T>
            size="middle"
            scroll={{ x: 'max-content' }}
            {...table}
            loading={loading ?? query.isFetching}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: <Empty description={empty} /> }}
          />
          {pager}
        </Space>
      )}
    </PagedList>
  );
}
