import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../api/types';
import { orgUnitTree, type OrgUnitNode } from './tree';

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
