import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { NotificationList } from '../../api/types';

const NOTIFICATIONS_KEY = ['notifications'] as const;

/** How often the bell asks for news, and how many it lists. */
export const POLL_MS = 30_000;
export const SHOWN = 20;

/** My latest notifications and how many are unread; polled while the console is open. */
export function useNotifications() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'latest'],
    queryFn: ({ signal }) =>
      request<NotificationList>('GET', '/notifications', { query: { limit: SHOWN }, signal }),
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<undefined>('POST', `/notifications/${id}/read`),
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<{ marked: number }>('POST', '/notifications/read-all'),
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
