import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { request } from '../../api/client';
import type { Interaction, InteractionCreate, InteractionPatch, Page } from '../../api/types';

const INTERACTIONS_KEY = ['interactions'] as const;

/** A customer's contact records, newest first, a page at a time ("load more"). */
export function useCustomerInteractions(customerId: number) {
  return useInfiniteQuery({
    queryKey: [...INTERACTIONS_KEY, 'customer', customerId],
    queryFn: ({ pageParam, signal }) =>
      request<Page<Interaction>>('GET', '/interactions', {
        query: { customer_id: customerId, limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

/**
 * After any change to a contact record: the record lists, My day, the account's cadence
 * (a record re-evaluates it at once), every breach list, and the dossier's history.
 */
function invalidateAfter(client: QueryClient, customerId: number) {
  void client.invalidateQueries({ queryKey: INTERACTIONS_KEY });
  void client.invalidateQueries({ queryKey: ['myDay'] });
  void client.invalidateQueries({ queryKey: ['cadence', 'customer', customerId] });
  void client.invalidateQueries({ queryKey: ['cadence', 'breaches'] });
  void client.invalidateQueries({ queryKey: ['history', customerId] });
}

/** Records a contact; the dialog shows every refusal in place. */
export function useCreateInteraction() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: (body: InteractionCreate) =>
      request<Interaction>('POST', '/interactions', { body }),
    onSuccess: (saved) => invalidateAfter(client, saved.customer_id),
  });
}

/**
 * Changes a record (its content, its next step done, its request handed on or closed),
 * based on the version read; the caller shows refusals and 412 in place.
 */
export function useUpdateInteraction() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ interaction, patch }: { interaction: Interaction; patch: InteractionPatch }) =>
      request<Interaction>('PATCH', `/interactions/${interaction.id}`, {
        body: patch,
        ifMatch: interaction.version,
      }),
    // Refused or not, the lists show the record as it is now.
    onSettled: (_saved, _error, { interaction }) =>
      invalidateAfter(client, interaction.customer_id),
  });
}

export function useDeleteInteraction() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: (interaction: Interaction) =>
      request<undefined>('DELETE', `/interactions/${interaction.id}`, {
        ifMatch: interaction.version,
      }),
    onSettled: (_r, _e, interaction) => invalidateAfter(client, interaction.customer_id),
  });
}
