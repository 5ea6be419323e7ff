// The cadence-breach list's filters, kept in the page's URL.
import type { BreachKind } from '../../api/types';
import { BREACH_KINDS, type BreachFilter } from './api';

export const BREACH_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_LIMIT = 20;

export type BreachQuery = BreachFilter & { limit: number };

function positiveInt(text: string | null): number | undefined {
  if (!text || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

export function parseBreachQuery(params: URLSearchParams): BreachQuery {
  const kind = params.get('kind');
  const limit = positiveInt(params.get('limit'));
  return {
    kind: BREACH_KINDS.find((k): k is BreachKind => k === kind),
    owner_id: positiveInt(params.get('owner_id')),
    org_unit_id: positiveInt(params.get('org_unit_id')),
    limit: BREACH_PAGE_SIZES.find((s) => s === limit) ?? DEFAULT_LIMIT,
  };
}

/** The URL's query for these filters; defaults are left out. */
export function breachQueryParams(q: BreachQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (q.kind) params.set('kind', q.kind);
  if (q.owner_id) params.set('owner_id', String(q.owner_id));
  if (q.org_unit_id) params.set('org_unit_id', String(q.org_unit_id));
  if (q.limit !== DEFAULT_LIMIT) params.set('limit', String(q.limit));
  return params;
}
