import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../api/types';
import { orgUnitTree, subtreeUnits, unitsToOffer, type OrgUnitNode } from './tree';

const unit = (id: number, parent_id: number | null) =>
  ({ id, parent_id, name: `u${id}` }) as OrgUnit;
const shape = (nodes: OrgUnitNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.unit.id, shape(n.children)] : n.unit.id));

describe('orgUnitTree', () => {
  it('nests units under their parents in id order', () => {
    expect(shape(orgUnitTree([unit(3, 1), unit(1, null), unit(2, 1), unit(4, 2)]))).toEqual([
      [1, [[2, [4]], 3]],
    ]);
  });
  it('makes units with an unknown parent roots', () => {
    expect(shape(orgUnitTree([unit(5, 9), unit(6, null)]))).toEqual([5, 6]);
  });
});

// 1 ─┬─ 2 ─┬─ 4
//    │     └─ 5 ── 7
//    └─ 3 ── 6
const company = [
  unit(1, null),
  unit(2, 1),
  unit(3, 1),
  unit(4, 2),
  unit(5, 2),
  unit(6, 3),
  unit(7, 5),
];
const ids = (units: readonly OrgUnit[]) => units.map((u) => u.id).sort((a, b) => a - b);

describe('subtreeUnits', () => {
  it.each([
    { root: 1, want: [1, 2, 3, 4, 5, 6, 7] },
    { root: 2, want: [2, 4, 5, 7] },
    { root: 5, want: [5, 7] },
    { root: 6, want: [6] },
    { root: 99, want: [] },
  ])('the subtree of $root is $want', ({ root, want }) => {
    expect(ids(subtreeUnits(company, root))).toEqual(want);
  });
});

describe('unitsToOffer', () => {
  it.each([
    { role: 'director', org_unit_id: 2, want: [2, 4, 5, 7] },
    { role: 'service', org_unit_id: 3, want: [3, 6] },
    { role: 'director', org_unit_id: 99, want: [] },
    { role: 'kam', org_unit_id: 4, want: [1, 2, 3, 4, 5, 6, 7] },
    { role: 'assistant', org_unit_id: 4, want: [1, 2, 3, 4, 5, 6, 7] },
    { role: 'sales', org_unit_id: 4, want: [1, 2, 3, 4, 5, 6, 7] },
    { role: 'specialist', org_unit_id: 2, want: [1, 2, 3, 4, 5, 6, 7] },
    { role: 'executive', org_unit_id: 1, want: [1, 2, 3, 4, 5, 6, 7] },
    { role: 'admin', org_unit_id: 1, want: [1, 2, 3, 4, 5, 6, 7] },
  ] as const)('a $role of unit $org_unit_id is offered $want', ({ role, org_unit_id, want }) => {
    expect(ids(unitsToOffer(company, { role, org_unit_id }))).toEqual(want);
  });
});
