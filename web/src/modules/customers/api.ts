import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { request } from '../../api/client';
import type { CustomerPatch, Customer, Page } from '../../api/types';
import { orgUnitsQuery } from '../orgUnits/api';
import { parseCustomerQuery, type CustomerQuery } from './listQuery';

const CUSTOMERS_KEY = ['customers'] as const;

export function customerKey(id: number) {
  return [...CUSTOMERS_KEY, 'one', id] as const;
}

function customerPageQuery(query: CustomerQuery, cursor: string | null) {
  return queryOptions({
    queryKey: [...CUSTOMERS_KEY, 'page', query, cursor],
    queryFn: ({ signal }) =>
      request<Page<Customer>>('GET', '/customers', { query: { ...query, cursor }, signal }),
  });
}

/**
 * Starts loading the first page for a list URL before the page renders (called from the
 * route's loader), so the request runs while React is still at work; and the org units, whose
 * names the list shows, so the first rows render once, with them.
 */
export function prefetchCustomerList(client: QueryClient, search: URLSearchParams): void {
  void client.prefetchQuery(customerPageQuery(parseCustomerQuery(search), null));
  void client.prefetchQuery(orgUnitsQuery);
}

/** One page of the customer list; the next page is fetched ahead so "next" is instant. */
export function useCustomerPage(query: CustomerQuery, cursor: string | null) {
  const client = useQueryClient();
  const result = useQuery({
    ...customerPageQuery(query, cursor),
    placeholderData: keepPreviousData,
  });
  const next = result.data?.next_cursor ?? null;
  useEffect(() => {
    if (next && !result.isPlaceholderData)
      void client.prefetchQuery(customerPageQuery(query, next));
  }, [client, query, next, result.isPlaceholderData]);
  return result;
}

/** Up to 20 customers in scope whose name or number matches `q` (newest first), for pickers. */
export function useCustomerSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'search', q],
    queryFn: ({ signal }) =>
      request<Page<Customer>>('GET', '/customers', {
        query: { q, limit: 20, sort: '-id' },
        signal,
      }).then((p) => p.items),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useCustomer(id: number, enabled = true) {
  return useQuery({
    queryKey: customerKey(id),
    queryFn: ({ signal }) => request<Customer>('GET', `/customers/${id}`, { signal }),
    enabled,
  });
}

export function useUpdateCustomer(id: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { fieldsHandled: true, staleHandled: true },
    mutationFn: ({ version, patch }: { version: number; patch: CustomerPatch }) =>
      request<Customer>('PATCH', `/customers/${id}`, { body: patch, ifMatch: version }),
    onSuccess: (saved) => {
      client.setQueryData(customerKey(id), saved);
      void client.invalidateQueries({ queryKey: [...CUSTOMERS_KEY, 'page'] });
      void client.invalidateQueries({ queryKey: ['history', id] });
    },
  });
}
