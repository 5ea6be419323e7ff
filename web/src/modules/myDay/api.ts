import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { MyDay } from '../../api/types';

/** How many items each list of GET /my-day holds at most. */
export const MY_DAY_LIMIT = 100;

/**
 * The signed-in user's day: their accounts overdue or contacted too often, their open next
 * steps and customer requests, and their contacts' birthdays. Read again every 5 minutes
 * while open, and after every change to a contact record or the cadence.
 */
export function useMyDay() {
  return useQuery({
    queryKey: ['myDay'],
    queryFn: ({ signal }) => request<MyDay>('GET', '/my-day', { signal }),
    refetchInterval: 5 * 60_000,
  });
}

const PAGE_SIZE = 10;

/** A list of My day longer than ten shows ten at a time. */
export function pageOf(items: readonly unknown[]) {
  return items.length > PAGE_SIZE
    ? { pageSize: PAGE_SIZE, size: 'small' as const, showSizeChanger: false }
    : false;
}
