import type { Contact } from '../../api/types';

export type OrgChartNode = { contact: Contact; reports: OrgChartNode[] };

/**
 * The customer's org chart from `reports_to_id`: people who report to no one here (or to
 * someone not among these contacts) are roots. A reporting loop is cut at its smallest
 * id, so every contact appears exactly once.
 */
export function buildOrgChart(contacts: readonly Contact[]): OrgChartNode[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const nodes = new Map(contacts.map((c) => [c.id, { contact: c, reports: [] as OrgChartNode[] }]));

  const managerOf = (c: Contact): number | null => {
    const manager = c.reports_to_id;
    if (manager == null || !byId.has(manager)) return null;
    // Walk up the chain. If it comes back to c, c is on a loop, which is cut at the
    // member with the smallest id: that one becomes a root.
    const loop = [c.id];
    const seen = new Set<number>(loop);
    let at: number | null = manager;
    while (at != null && !seen.has(at)) {
      seen.add(at);
      loop.push(at);
      const next: number | null | undefined = byId.get(at)?.reports_to_id;
      at = next != null && byId.has(next) ? next : null;
    }
    if (at === c.id && Math.min(...loop) === c.id) return null;
    return manager;
  };

  const roots: OrgChartNode[] = [];
  for (const c of [...contacts].sort((a, b) => a.id - b.id)) {
    const node = nodes.get(c.id);
    if (!node) continue;
    const manager = managerOf(c);
    const parent = manager == null ? undefined : nodes.get(manager);
    (parent ? parent.reports : roots).push(node);
  }
  return roots;
}
