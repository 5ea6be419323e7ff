import { describe, expect, it } from 'vitest';
import type { HandoverItem, HandoverPreview } from '../../api/types';
import {
  buildOrder,
  customersBySuccessor,
  dealtOrder,
  fittingMode,
  groupItems,
  orderProblems,
  seedMapping,
  totalCount,
} from './order';

const customer = (id: number, to: number) => ({
  customer_id: id,
  customer_name: `C${id}`,
  to_user_id: to,
  to_user_name: `U${to}`,
  dropped: false,
});

describe('the handover order', () => {
  it.each([
    ['single', 1, 'single'],
    ['single', 2, 'round_robin'],
    ['round_robin', 1, 'single'],
    ['round_robin', 0, 'single'],
    ['mapping', 1, 'mapping'],
    ['mapping', 3, 'mapping'],
  ] as const)('%s with %i successors becomes %s', (mode, count, want) => {
    expect(fittingMode(mode, count)).toBe(want);
  });

  it('is nothing while no successor is chosen', () => {
    expect(buildOrder([null], 'single', {})).toBeNull();
  });

  it('sends the chosen successors once each, in order, with the fitting mode', () => {
    expect(buildOrder([5, null, 7, 5], 'single', {})).toEqual({
      to_user_ids: [5, 7],
      mode: 'round_robin',
    });
  });

  it('names in a mapping only successors still chosen, customer ids as text', () => {
    expect(buildOrder([5, 7], 'mapping', { 11: 5, 12: 9 })).toEqual({
      to_user_ids: [5, 7],
      mode: 'mapping',
      mapping: { '11': 5 },
    });
  });

  it('learns the customers by dealing them to those who may own accounts', () => {
    const order = { to_user_ids: [5, 6, 7], mode: 'mapping' as const };
    expect(dealtOrder(order, (id) => id !== 6)).toEqual({
      to_user_ids: [5, 7],
      mode: 'round_robin',
    });
    expect(dealtOrder(order, () => false)).toEqual({
      to_user_ids: [5, 6, 7],
      mode: 'round_robin',
    });
    expect(dealtOrder(order, (id) => id === 6)).toEqual({ to_user_ids: [6], mode: 'single' });
  });

  it('seeds a mapping: the earlier choice, else the plan, else the first successor', () => {
    const customers = [customer(1, 5), customer(2, 7), customer(3, 9)];
    expect(seedMapping(customers, [5, 7], { 1: 7, 2: 9 })).toEqual({ 1: 7, 2: 7, 3: 5 });
  });
});

describe("the server's problems with an order", () => {
  it('places each on the row of the successor it names, skipping empty and repeated rows', () => {
    const found = orderProblems(
      {
        'to_user_ids[1]': 'cannot_own_accounts',
        'mapping.44': 'not_a_successor',
        mode: 'required',
      },
      [5, null, 5, 7],
    );
    expect([...found.rows]).toEqual([[3, 'cannot_own_accounts']]);
    expect([...found.customers]).toEqual([[44, 'not_a_successor']]);
    expect(found.other).toEqual([['mode', 'required']]);
  });

  it('keeps a problem of a successor it cannot place among the rest', () => {
    expect(orderProblems({ 'to_user_ids[3]': 'not_found' }, [5]).other).toEqual([
      ['to_user_ids[3]', 'not_found'],
    ]);
  });
});

describe('what moves', () => {
  const counts = {
    customer: 2,
    team_seat: 1,
    next_step: 0,
    request: 3,
    nomination: 0,
    visit_plan: 0,
    notification: 4,
  };
  it('counts everything', () => expect(totalCount(counts)).toBe(10));

  it('groups items by kind in the server order, then by successor', () => {
    const item = (kind: HandoverItem['kind'], id: number, to: number): HandoverItem => ({
      kind,
      entity_id: id,
      customer_id: null,
      customer_name: null,
      to_user_id: to,
      to_user_name: `U${to}`,
      dropped: false,
    });
    const groups = groupItems([
      item('notification', 1, 5),
      item('customer', 2, 7),
      item('customer', 3, 5),
      item('customer', 4, 7),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['customer', 'notification']);
    expect(groups[0]?.successors.map((s) => [s.userId, s.items.map((i) => i.entity_id)])).toEqual([
      [7, [2, 4]],
      [5, [3]],
    ]);
  });

  it("lists the plan's customers by successor, leaving out those who get none", () => {
    const preview: Pick<HandoverPreview, 'customers' | 'successors'> = {
      customers: [customer(1, 5), customer(2, 5)],
      successors: [
        { user_id: 7, display_name: 'U7', counts },
        { user_id: 5, display_name: 'U5', counts },
      ],
    };
    expect(customersBySuccessor(preview)).toEqual([
      { userId: 5, name: 'U5', customers: preview.customers },
    ]);
  });
});
