import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { request } from '../../api/client';
import type {
  Page,
  VisitPlan,
  VisitPlanComplete,
  VisitPlanCompleted,
  VisitPlanCreate,
  VisitPlanPatch,
  VisitStatus,
} from '../../api/types';

export const VISIT_PLANS_KEY = ['visitPlans'] as const;

/** GET /visit-plans filters; `from` and `to` are days, both inclusive. */
export type VisitPlanFilter = {
  owner_id?: number;
  customer_id?: number;
  from?: string;
  to?: string;
  status?: VisitStatus;
};

/** Every plan that matches, by day and start time (a week or a customer: tens, not thousands). */
async function fetchAllPlans(filter: VisitPlanFilter, signal?: AbortSignal): Promise<VisitPlan[]> {
  const all: VisitPlan[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<VisitPlan> = await request<Page<VisitPlan>>('GET', '/visit-plans', {
      query: { ...filter, limit: 500, cursor },
      signal,
    });
    all.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return all;
}

export function useVisitPlans(filter: VisitPlanFilter, enabled = true) {
  return useQuery({
    queryKey: [...VISIT_PLANS_KEY, 'list', filter],
    queryFn: ({ signal }) => fetchAllPlans(filter, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/**
 * After any change to a plan: the plans, My day and the weekly review. Completing one also
 * records a contact: then what follows a record too (interactions/api.ts).
 */
function invalidateAfter(client: QueryClient, customerId: number, recorded = false) {
  void client.invalidateQueries({ queryKey: VISIT_PLANS_KEY });
  void client.invalidateQueries({ queryKey: ['myDay'] });
  void client.invalidateQueries({ queryKey: ['weeklyReview'] });
  void client.invalidateQueries({ queryKey: ['history', customerId] });
  if (recorded) {
    void client.invalidateQueries({ queryKey: ['interactions'] });
    void client.invalidateQueries({ queryKey: ['cadence', 'customer', customerId] });
    void client.invalidateQueries({ queryKey: ['cadence', 'breaches'] });
  }
}

/** Plans a visit; the dialog shows every refusal in place. */
export function useCreateVisitPlan() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: (body: VisitPlanCreate) => request<VisitPlan>('POST', '/visit-plans', { body }),
    onSuccess: (saved) => invalidateAfter(client, saved.customer_id),
  });
}

/** Reschedules or changes a plan, based on the version read (If-Match). */
export function useUpdateVisitPlan() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ plan, patch }: { plan: VisitPlan; patch: VisitPlanPatch }) =>
      request<VisitPlan>('PATCH', `/visit-plans/${plan.id}`, {
        body: patch,
        ifMatch: plan.version,
      }),
    // Refused or not, the lists show the plan as it is now.
    onSettled: (_saved, _error, { plan }) => invalidateAfter(client, plan.customer_id),
  });
}

/** Completes a visit: the server records its contact record and links it to the plan. */
export function useCompleteVisitPlan() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ plan, body }: { plan: VisitPlan; body: VisitPlanComplete }) =>
      request<VisitPlanCompleted>('POST', `/visit-plans/${plan.id}/complete`, {
        body,
        ifMatch: plan.version,
      }),
    onSettled: (_done, _error, { plan }) => invalidateAfter(client, plan.customer_id, true),
  });
}

export function useCancelVisitPlan() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ plan, reason }: { plan: VisitPlan; reason: string }) =>
      request<VisitPlan>('POST', `/visit-plans/${plan.id}/cancel`, {
        body: { reason },
        ifMatch: plan.version,
      }),
    onSettled: (_saved, _error, { plan }) => invalidateAfter(client, plan.customer_id),
  });
}

/** The plan as it is now, e.g. after a 412. */
export function fetchVisitPlan(id: number): Promise<VisitPlan> {
  return request<VisitPlan>('GET', `/visit-plans/${id}`);
}
