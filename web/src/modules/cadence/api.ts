import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { request } from '../../api/client';
import type {
  BreachKind,
  CadenceBounds,
  CadenceBreach,
  CadenceRules,
  CadenceRulesUpdate,
  CustomerCadence,
  Page,
} from '../../api/types';

// Under ['cadence']: a change of the rules invalidates everything judged by them.
const CADENCE_KEY = ['cadence'] as const;

export const cadenceRulesQuery = queryOptions({
  queryKey: [...CADENCE_KEY, 'rules'],
  queryFn: ({ signal }) => request<CadenceRules>('GET', '/cadence-rules', { signal }),
});

/** The contact cadence per tier; everyone may read it. */
export function useCadenceRules() {
  return useQuery(cadenceRulesQuery);
}

/** After a change of rules: every account was judged again, so every breach list and My day. */
function invalidateJudged(client: QueryClient) {
  void client.invalidateQueries({ queryKey: CADENCE_KEY });
  void client.invalidateQueries({ queryKey: ['myDay'] });
}

/** Replaces the rules, based on the version read; the page shows 412 and field problems. */
export function useSaveCadenceRules() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ version, body }: { version: number; body: CadenceRulesUpdate }) =>
      request<CadenceRules>('PUT', '/cadence-rules', { body, ifMatch: version }),
    onSuccess: (saved) => {
      client.setQueryData(cadenceRulesQuery.queryKey, saved);
      invalidateJudged(client);
    },
  });
}

function customerCadenceKey(customerId: number) {
  return [...CADENCE_KEY, 'customer', customerId] as const;
}

/** The account's own rule (null: its tier's applies) and its breaches now. */
export function useCustomerCadence(customerId: number) {
  return useQuery({
    queryKey: customerCadenceKey(customerId),
    queryFn: ({ signal }) =>
      request<CustomerCadence>('GET', `/customers/${customerId}/cadence`, { signal }),
  });
}

function invalidateAccount(client: QueryClient, customerId: number) {
  void client.invalidateQueries({ queryKey: customerCadenceKey(customerId) });
  void client.invalidateQueries({ queryKey: [...CADENCE_KEY, 'breaches'] });
  void client.invalidateQueries({ queryKey: ['myDay'] });
  void client.invalidateQueries({ queryKey: ['history', customerId] });
}

/** Gives the account a rule of its own (`customer.assign`); the form shows the problems. */
export function useSetCustomerCadence(customerId: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { fieldsHandled: true },
    mutationFn: (bounds: Partial<CadenceBounds>) =>
      request<{ own: CadenceBounds }>('PUT', `/customers/${customerId}/cadence`, { body: bounds }),
    onSettled: () => invalidateAccount(client, customerId),
  });
}

/** Returns the account to its tier's rule. */
export function useClearCustomerCadence(customerId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<undefined>('DELETE', `/customers/${customerId}/cadence`),
    onSettled: () => invalidateAccount(client, customerId),
  });
}

export type BreachFilter = { kind?: BreachKind; owner_id?: number; org_unit_id?: number };

export const BREACH_KINDS: readonly BreachKind[] = ['overdue', 'over_contacted'];

/** One page of the breaches in scope, oldest first. */
export function useBreachPage(filter: BreachFilter, limit: number, cursor: string | null) {
  return useQuery({
    queryKey: [...CADENCE_KEY, 'breaches', filter, limit, cursor],
    queryFn: ({ signal }) =>
      request<Page<CadenceBreach>>('GET', '/cadence-breaches', {
        query: { ...filter, limit, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
