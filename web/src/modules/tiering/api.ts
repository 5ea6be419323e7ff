import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import type {
  CustomerTier,
  Page,
  TierChange,
  TierScheme,
  TierSchemeCreate,
  TierSchemePatch,
  TierSchemeVersion,
  TieringRun,
} from '../../api/types';
import type { SchemeDefinition } from './definition';

const TIERING_KEY = ['tiering'] as const;
const SCHEMES_KEY = [...TIERING_KEY, 'schemes'] as const;

export function schemeKey(id: number) {
  return [...SCHEMES_KEY, 'one', id] as const;
}

/** How many movers a run lists (all are counted). */
export const MOVERS_LIMIT = 100;

/** The console's language, which the server writes reasons in. */
function useLanguage(): string {
  return useTranslation().i18n.language;
}

/** Every stored scheme (one page: there are few). */
export function useTierSchemes() {
  return useQuery({
    queryKey: [...SCHEMES_KEY, 'list'],
    queryFn: ({ signal }) =>
      request<Page<TierScheme>>('GET', '/tier-schemes', { signal }).then((p) => p.items),
  });
}

export function useTierScheme(id: number | null) {
  return useQuery({
    queryKey: schemeKey(id ?? 0),
    queryFn: ({ signal }) => request<TierScheme>('GET', `/tier-schemes/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** A scheme's definitions, newest first. */
export function useTierSchemeVersions(id: number | null) {
  return useQuery({
    queryKey: [...schemeKey(id ?? 0), 'versions'],
    queryFn: ({ signal }) =>
      request<Page<TierSchemeVersion>>('GET', `/tier-schemes/${id}/versions`, { signal }).then(
        (p) => [...p.items].sort((a, b) => b.version - a.version),
      ),
    enabled: id !== null,
  });
}

/** After a change that moves tiers: schemes, dossiers (tier, key account) and histories. */
function invalidateTiers(client: QueryClient) {
  void client.invalidateQueries({ queryKey: TIERING_KEY });
  void client.invalidateQueries({ queryKey: ['customers'] });
}

export function useCreateTierScheme() {
  const client = useQueryClient();
  return useMutation({
    meta: { fieldsHandled: true },
    mutationFn: (body: TierSchemeCreate) => request<TierScheme>('POST', '/tier-schemes', { body }),
    onSuccess: (saved) => {
      client.setQueryData(schemeKey(saved.id), saved);
      invalidateTiers(client);
    },
  });
}

export function useUpdateTierScheme() {
  const client = useQueryClient();
  return useMutation({
    meta: { fieldsHandled: true, staleHandled: true },
    mutationFn: ({ scheme, patch }: { scheme: TierScheme; patch: TierSchemePatch }) =>
      request<TierScheme>('PATCH', `/tier-schemes/${scheme.id}`, {
        body: patch,
        ifMatch: scheme.version,
      }),
    onSuccess: (saved) => {
      client.setQueryData(schemeKey(saved.id), saved);
      invalidateTiers(client);
    },
  });
}

export function useDeleteTierScheme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scheme: TierScheme) =>
      request<undefined>('DELETE', `/tier-schemes/${scheme.id}`, { ifMatch: scheme.version }),
    onSuccess: () => invalidateTiers(client),
  });
}

export type PreviewInput = {
  /** A stored scheme: its current tiers are the "before". */
  schemeId: number | null;
  /** A draft; without it the stored scheme is previewed. */
  definition?: SchemeDefinition;
  asOf?: string | null;
};

function previewRequest(input: PreviewInput, language: string, signal?: AbortSignal) {
  const body = {
    ...(input.definition ? { definition: input.definition } : {}),
    ...(input.asOf ? { as_of: input.asOf } : {}),
    movers_limit: MOVERS_LIMIT,
  };
  const path =
    input.schemeId === null ? '/tier-schemes/preview' : `/tier-schemes/${input.schemeId}/preview`;
  return request<TieringRun>('POST', path, { body, language, signal });
}

/**
 * Who would move, and why, under a draft (the editor's live preview). Keeps showing the
 * last answer while the next is on its way; changes nothing on the server.
 */
export function useTieringPreview(input: PreviewInput, enabled: boolean) {
  const language = useLanguage();
  return useQuery({
    queryKey: [...TIERING_KEY, 'preview', input, language],
    queryFn: ({ signal }) => previewRequest(input, language, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The stored scheme's preview, read on demand (the figures an apply confirmation states). */
export function usePreviewStoredScheme() {
  const language = useLanguage();
  return useMutation({
    mutationFn: (input: { schemeId: number; asOf?: string | null }) =>
      previewRequest({ schemeId: input.schemeId, asOf: input.asOf }, language),
  });
}

export function useApplyTierScheme() {
  const client = useQueryClient();
  const language = useLanguage();
  return useMutation({
    mutationFn: ({ schemeId, asOf }: { schemeId: number; asOf?: string | null }) =>
      request<TieringRun>('POST', `/tier-schemes/${schemeId}/apply`, {
        body: { ...(asOf ? { as_of: asOf } : {}), movers_limit: MOVERS_LIMIT },
        language,
      }),
    onSuccess: () => invalidateTiers(client),
  });
}

/** A customer's current tier under every scheme. */
export function useCustomerTiers(customerId: number, enabled = true) {
  return useQuery({
    queryKey: [...TIERING_KEY, 'customer', customerId, 'tiers'],
    queryFn: ({ signal }) =>
      request<Page<CustomerTier>>('GET', `/customers/${customerId}/tiers`, { signal }).then(
        (p) => p.items,
      ),
    enabled,
  });
}

/** A customer's tier changes, newest first, with reasons in the console's language. */
export function useCustomerTierHistory(customerId: number) {
  const language = useLanguage();
  return useInfiniteQuery({
    queryKey: [...TIERING_KEY, 'customer', customerId, 'history', language],
    queryFn: ({ pageParam, signal }) =>
      request<Page<TierChange>>('GET', `/customers/${customerId}/tier-history`, {
        query: { limit: 20, cursor: pageParam },
        language,
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}
