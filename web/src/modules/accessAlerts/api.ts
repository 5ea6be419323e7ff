import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { request } from '../../api/client';
import type {
  AccessAlert,
  AccessAlertSettings,
  AccessAlertSettingsPut,
  AccessAlertStatus,
  Page,
} from '../../api/types';

const ALERTS_KEY = ['accessAlerts'] as const;

export const ALERT_STATUSES: readonly AccessAlertStatus[] = ['open', 'acknowledged'];

/** One page of bulk-access alerts, newest first, in one state or both. */
export function useAccessAlertPage(
  status: AccessAlertStatus | undefined,
  limit: number,
  cursor: string | null,
) {
  return useQuery({
    queryKey: [...ALERTS_KEY, 'page', status, limit, cursor],
    queryFn: ({ signal }) =>
      request<Page<AccessAlert>>('GET', '/access-alerts', {
        query: { status, limit, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

function alertKey(id: number) {
  return [...ALERTS_KEY, 'one', id] as const;
}

/** One alert with the customers read most. */
export function useAccessAlert(id: number | null) {
  return useQuery({
    queryKey: alertKey(id ?? 0),
    queryFn: ({ signal }) => request<AccessAlert>('GET', `/access-alerts/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** Closes an open alert with a comment; the form shows every refusal in place. */
export function useAcknowledgeAlert(id: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: (comment: string) =>
      request<AccessAlert>('POST', `/access-alerts/${id}/acknowledge`, { body: { comment } }),
    onSuccess: (saved) => client.setQueryData(alertKey(id), saved),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ALERTS_KEY });
      void client.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export const alertSettingsQuery = queryOptions({
  queryKey: [...ALERTS_KEY, 'settings'],
  queryFn: ({ signal }) =>
    request<AccessAlertSettings>('GET', '/access-alert-settings', { signal }),
});

export function useAlertSettings() {
  return useQuery(alertSettingsQuery);
}

/** Replaces the window and thresholds, based on the version read; the page shows 412 and fields. */
export function useSaveAlertSettings() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ version, body }: { version: number; body: AccessAlertSettingsPut }) =>
      request<AccessAlertSettings>('PUT', '/access-alert-settings', { body, ifMatch: version }),
    onSuccess: (saved) => client.setQueryData(alertSettingsQuery.queryKey, saved),
  });
}
