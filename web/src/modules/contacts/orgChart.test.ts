import { describe, expect, it } from 'vitest';
import type { Contact } from '../../api/types';
import { buildOrgChart, type OrgChartNode } from './orgChart';

function contact(id: number, reports_to_id: number | null): Contact {
  return { id, reports_to_id, name: `c${id}` } as Contact;
}

function shape(nodes: OrgChartNode[]): unknown[] {
  return nodes.map((n) => (n.reports.length ? [n.contact.id, shape(n.reports)] : n.contact.id));
}

describe('buildOrgChart', () => {
  it('nests people under whom they report to', () => {
    const chart = buildOrgChart([contact(1, null), contact(2, 1), contact(3, 1), contact(4, 2)]);
    expect(shape(chart)).toEqual([[1, [[2, [4]], 3]]]);
  });

  it('makes people reporting outside the list roots', () => {
    expect(shape(buildOrgChart([contact(5, 99), contact(6, null)]))).toEqual([5, 6]);
  });

  it('shows everyone once when reporting lines loop', () => {
    const chart = buildOrgChart([contact(1, 3), contact(2, 1), contact(3, 2), contact(4, 3)]);
    const ids: number[] = [];
    const walk = (nodes: OrgChartNode[]) =>
      nodes.forEach((n) => {
        ids.push(n.contact.id);
        walk(n.reports);
      });
    walk(chart);
    expect(ids.sort()).toEqual([1, 2, 3, 4]);
    expect(chart).toHaveLength(1);
  });
});
