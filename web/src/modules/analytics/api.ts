import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { Concentration } from '../../api/types';
import { monthEnd, type Period } from './period';

/** How concentrated the metric is over the customers the caller sees, in the period. */
export function useConcentration(period: Period) {
  return useQuery({
    queryKey: ['analytics', 'concentration', period],
    queryFn: ({ signal }) =>
      request<Concentration>('GET', '/analytics/concentration', {
        query: {
          metric: period.metric,
          window_months: period.months,
          as_of: monthEnd(period.end),
        },
        signal,
      }),
    // A new period keeps the last chart on screen until its figures arrive.
    placeholderData: keepPreviousData,
  });
}
