// The customer list's filters and sort, kept in the page's URL so a reload or the back
// button returns to the same list.
import type { Stage } from '../../api/types';
import { STAGES } from './fields';

export const SORTABLE = ['name', 'created_at', 'updated_at'] as const;
export type SortField = (typeof SORTABLE)[number] | 'id';
export type SortParam = SortField | `-${SortField}`;
export const PAGE_SIZES = [20, 50, 100] as const;

export type CustomerQuery = {
  q?: string;
  stage?: Stage;
  is_key_account?: boolean;
  tier?: string;
  owner_id?: number;
  /** The org unit and those below it. */
  org_unit_id?: number;
  region?: string;
  industry?: string;
  sort: SortParam;
  limit: number;
};

// Newest first. By id, not updated_at: the server answers id order fastest at 1 M customers.
export const DEFAULT_SORT: SortParam = '-id';
const DEFAULT_LIMIT = 20;

function positiveInt(text: string | null): number | undefined {
  if (!text || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

function sortParam(text: string | null): SortParam {
  const field = text?.replace(/^-/, '');
  return text && (field === 'id' || SORTABLE.some((s) => s === field))
    ? (text as SortParam)
    : DEFAULT_SORT;
}

export function parseCustomerQuery(params: URLSearchParams): CustomerQuery {
  const stage = params.get('stage');
  const key = params.get('is_key_account');
  const limit = positiveInt(params.get('limit'));
  return {
    q: params.get('q') || undefined,
    stage: STAGES.find((s) => s === stage),
    is_key_account: key === 'true' ? true : key === 'false' ? false : undefined,
    tier: params.get('tier') || undefined,
    owner_id: positiveInt(params.get('owner_id')),
    org_unit_id: positiveInt(params.get('org_unit_id')),
    region: params.get('region') || undefined,
    industry: params.get('industry') || undefined,
    sort: sortParam(params.get('sort')),
    limit: PAGE_SIZES.find((s) => s === limit) ?? DEFAULT_LIMIT,
  };
}

export function customerQueryParams(query: CustomerQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (key === 'sort' && value === DEFAULT_SORT) continue;
    if (key === 'limit' && value === DEFAULT_LIMIT) continue;
    params.set(key, String(value));
  }
  return params;
}
