import type { OrgUnit } from '../../api/types';

export type OrgUnitNode = { unit: OrgUnit; children: OrgUnitNode[] };

/** The units as a tree by `parent_id`, siblings in id order; a unit whose parent is unknown is a root. */
export function orgUnitTree(units: readonly OrgUnit[]): OrgUnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as OrgUnitNode[] }]));
  const roots: OrgUnitNode[] = [];
  for (const node of [...nodes.values()].sort((a, b) => a.unit.id - b.unit.id)) {
    const parent = node.unit.parent_id == null ? undefined : nodes.get(node.unit.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function orgUnitNames(units: readonly OrgUnit[] | undefined): Map<number, string> {
  return new Map((units ?? []).map((u) => [u.id, u.name]));
}
