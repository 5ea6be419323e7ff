// A list page's filters and page size, kept in the page's URL.
export const LIST_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_LIMIT = 20;

/** A positive whole number from the URL, else undefined. */
export function positiveInt(text: string | null): number | undefined {
  if (!text || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** The page size in the URL when it is one offered, else the default. */
export function pageSize(params: URLSearchParams): number {
  const limit = positiveInt(params.get('limit'));
  return LIST_PAGE_SIZES.find((s) => s === limit) ?? DEFAULT_LIMIT;
}

/** The URL's query: `key` → value, defaults and empty values left out. */
export function listParams(values: Record<string, number | string | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') continue;
    if (key === 'limit' && value === DEFAULT_LIMIT) continue;
    params.set(key, String(value));
  }
  return params;
}
