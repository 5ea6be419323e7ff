// The audit log page's filters, kept in its URL so that a link shows the same rows, and
// the GET /audit query they make.
import dayjs from 'dayjs';
import { listParams, positiveInt } from '../../ui/listQuery';
import { isActionCode } from './actions';

/** Days are calendar days (YYYY-MM-DD) in the browser's time zone, both ends included. */
export type AuditFilters = {
  action?: string;
  actor_id?: number;
  customer_id?: number;
  from?: string;
  to?: string;
};

const FILTER_KEYS = ['action', 'actor_id', 'customer_id', 'from', 'to'] as const;

function day(text: string | null): string | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  // Not a day that exists (2026-02-30): dayjs rolls it over, so it reads back differently.
  return dayjs(text).format('YYYY-MM-DD') === text ? text : undefined;
}

/** The filters in the URL; what is not a valid value is left out. */
export function auditFilters(params: URLSearchParams): AuditFilters {
  const action = params.get('action');
  return {
    action: isActionCode(action) ? action : undefined,
    actor_id: positiveInt(params.get('actor_id')),
    customer_id: positiveInt(params.get('customer_id')),
    from: day(params.get('from')),
    to: day(params.get('to')),
  };
}

/** The URL's query for these filters and page size (defaults left out). */
export function auditParams(filters: AuditFilters, limit: number): URLSearchParams {
  return listParams({ ...filters, limit });
}

export function hasFilters(filters: AuditFilters): boolean {
  return FILTER_KEYS.some((k) => filters[k] !== undefined);
}

/**
 * GET /audit's query: the days become instants at the browser's midnights, `to` the one
 * after its day (the API's `to` is exclusive), so a day in China is a day in China.
 */
export function auditQuery(filters: AuditFilters): Record<string, string | number | undefined> {
  return {
    action: filters.action,
    actor_id: filters.actor_id,
    customer_id: filters.customer_id,
    from: filters.from ? dayjs(filters.from).startOf('day').toISOString() : undefined,
    to: filters.to ? dayjs(filters.to).startOf('day').add(1, 'day').toISOString() : undefined,
  };
}
