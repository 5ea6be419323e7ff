import type { OrgUnit, Role, User } from '../../api/types';

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

/** The unit `rootId` and every unit below it; none when it is not among `units`. */
export function subtreeUnits(units: readonly OrgUnit[], rootId: number): OrgUnit[] {
  const children = new Map<number, OrgUnit[]>();
  for (const u of units) {
    if (u.parent_id == null) continue;
    children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u]);
  }
  // Breadth first; `seen` guards against a cycle, which a tree from the server never has.
  const found = units.filter((u) => u.id === rootId);
  const seen = new Set(found.map((u) => u.id));
  for (const u of found) {
    for (const child of children.get(u.id) ?? []) {
      if (!seen.has(child.id)) found.push(child);
      seen.add(child.id);
    }
  }
  return found;
}

// Roles that see the customers of their own unit and below (the server's "unit subtree"
// scope); the others see all customers or their own accounts, which may be in any unit.
const SUBTREE_ROLES: ReadonlySet<Role> = new Set<Role>(['director', 'service']);

/**
 * The units worth offering `user` to narrow what they see by: a director's or service
 * agent's own unit and those below it (the server shows them no customer elsewhere), every
 * unit for the others.
 */
export function unitsToOffer(units: readonly OrgUnit[], user: Pick<User, 'role' | 'org_unit_id'>) {
  return SUBTREE_ROLES.has(user.role) ? subtreeUnits(units, user.org_unit_id) : [...units];
}
