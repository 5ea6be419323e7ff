// Editing the approval chain: an ordered list of roles, 1 to MAX_LEVELS long.

/** The most levels the server takes (kMaxApprovalLevels). */
export const MAX_LEVELS = 5;

/** The list with the item at `index` moved one place up (-1) or down (+1). */
export function moveLevel<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}

/** The level (1-based) a server field problem names ("roles[1]" → 2); null for others. */
export function levelOfField(field: string): number | null {
  const m = /^roles\[(\d+)\]$/.exec(field);
  return m ? Number(m[1]) + 1 : null;
}
