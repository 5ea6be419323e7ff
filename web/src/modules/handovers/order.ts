// The handover wizard's order and the server's answers about it, as pure functions (tested
// in order.test.ts). The server plans and judges (server/src/core/engagement/handover.cc).
import type {
  HandoverCounts,
  HandoverItem,
  HandoverKind,
  HandoverMode,
  HandoverOrder,
  HandoverPreview,
} from '../../api/types';

/** The kinds of holding a handover moves, in the server's order. */
export const HANDOVER_KINDS: readonly HandoverKind[] = [
  'customer',
  'team_seat',
  'next_step',
  'request',
  'nomination',
  'visit_plan',
  'notification',
];

/** The most successors one handover takes. */
export const MAX_SUCCESSORS = 50;

/** A customer id → the successor chosen for it (mapping mode). */
export type Mapping = Record<number, number>;

/** The successors picked so far: the wizard's rows, some still empty. */
export function chosenSuccessors(rows: readonly (number | null)[]): number[] {
  return rows.filter((id): id is number => id !== null);
}

/**
 * The mode after the successors changed: a mapping stays a mapping; otherwise one successor
 * takes everything (`single`) and several are dealt the customers in turn (`round_robin`).
 */
export function fittingMode(mode: HandoverMode, successorCount: number): HandoverMode {
  if (mode === 'mapping') return mode;
  return successorCount > 1 ? 'round_robin' : 'single';
}

/**
 * The body of POST …/handover and …/handover/preview, or null while no successor is chosen.
 * A mapping names only successors still chosen; a customer left without one is reported by
 * the server (`mapping.<id>`: `required`).
 */
export function buildOrder(
  rows: readonly (number | null)[],
  mode: HandoverMode,
  mapping: Mapping,
): HandoverOrder | null {
  const to = [...new Set(chosenSuccessors(rows))];
  if (to.length === 0) return null;
  const fitted = fittingMode(mode, to.length);
  if (fitted !== 'mapping') return { to_user_ids: to, mode: fitted };
  const named: Record<string, number> = {};
  for (const [customer, user] of Object.entries(mapping)) {
    if (to.includes(user)) named[customer] = user;
  }
  return { to_user_ids: to, mode: 'mapping', mapping: named };
}

/**
 * The order that shows which customers the user owns before a mapping exists: the
 * customers dealt in turn to the successors who may own accounts (to all when none may, so
 * that the server says why). Its plan's customers seed the mapping.
 */
export function dealtOrder(
  order: HandoverOrder,
  mayOwnAccounts: (userId: number) => boolean = () => true,
): HandoverOrder {
  const owners = order.to_user_ids.filter(mayOwnAccounts);
  const to = owners.length > 0 ? owners : order.to_user_ids;
  return { to_user_ids: to, mode: to.length > 1 ? 'round_robin' : 'single' };
}

/**
 * A successor for every customer of the plan: the one chosen before while still a
 * successor, else the plan's, else the first successor.
 */
export function seedMapping(
  customers: HandoverPreview['customers'],
  successors: readonly number[],
  previous: Mapping,
): Mapping {
  const out: Mapping = {};
  for (const c of customers) {
    const before = previous[c.customer_id];
    if (before !== undefined && successors.includes(before)) out[c.customer_id] = before;
    else if (successors.includes(c.to_user_id)) out[c.customer_id] = c.to_user_id;
    else if (successors[0] !== undefined) out[c.customer_id] = successors[0];
  }
  return out;
}

/** The server's field problems about an order, placed where the wizard shows them. */
export type OrderProblems = {
  /** By row of the successor picker (`to_user_ids[i]` counts the successors sent). */
  rows: Map<number, string>;
  /** By customer id (`mapping.<id>`). */
  customers: Map<number, string>;
  /** The rest, by field name (`to_user_ids`, `mode`, `mapping`, …). */
  other: [string, string][];
};

export function orderProblems(
  fields: Record<string, string>,
  rows: readonly (number | null)[],
): OrderProblems {
  // The index of each successor sent → its row.
  const sentRows: number[] = [];
  const seen = new Set<number>();
  rows.forEach((id, row) => {
    if (id !== null && !seen.has(id)) {
      seen.add(id);
      sentRows.push(row);
    }
  });
  const out: OrderProblems = { rows: new Map(), customers: new Map(), other: [] };
  for (const [field, problem] of Object.entries(fields)) {
    const successor = /^to_user_ids\[(\d+)\]$/.exec(field);
    const customer = /^mapping\.(\d+)$/.exec(field);
    const row = successor ? sentRows[Number(successor[1])] : undefined;
    if (row !== undefined) out.rows.set(row, problem);
    else if (customer) out.customers.set(Number(customer[1]), problem);
    else out.other.push([field, problem]);
  }
  return out;
}

/** How many things move in all. */
export function totalCount(counts: HandoverCounts): number {
  return HANDOVER_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
}

export type ItemGroup = {
  kind: HandoverKind;
  successors: { userId: number; name: string; items: HandoverItem[] }[];
};

/** Moved things by kind (in the server's order), then by successor (in order of first item). */
export function groupItems(items: readonly HandoverItem[]): ItemGroup[] {
  return HANDOVER_KINDS.flatMap((kind) => {
    const bySuccessor = new Map<number, { userId: number; name: string; items: HandoverItem[] }>();
    for (const item of items) {
      if (item.kind !== kind) continue;
      let group = bySuccessor.get(item.to_user_id);
      if (!group) {
        group = { userId: item.to_user_id, name: item.to_user_name, items: [] };
        bySuccessor.set(item.to_user_id, group);
      }
      group.items.push(item);
    }
    return bySuccessor.size ? [{ kind, successors: [...bySuccessor.values()] }] : [];
  });
}

/** The plan's customers by their new owner, in the order of `successors`. */
export function customersBySuccessor(
  preview: Pick<HandoverPreview, 'customers' | 'successors'>,
): { userId: number; name: string; customers: HandoverPreview['customers'] }[] {
  return preview.successors
    .map((s) => ({
      userId: s.user_id,
      name: s.display_name,
      customers: preview.customers.filter((c) => c.to_user_id === s.user_id),
    }))
    .filter((g) => g.customers.length > 0);
}
