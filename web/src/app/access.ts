// Who may open what. The server decides permissions (GET /auth/me → `permissions`); the
// console only mirrors them to hide what a user cannot use. The server still refuses.
// E.g. `interaction.write` (everyone but executives) records contacts and plans visits;
// `review.manage` (directors and administrators) opens the weekly review.
import type { Permission, Role } from '../api/types';
import { ROUTES, type AppRoute } from './routeTable';

export type { Permission };

/**
 * Conditions that are not permissions: who decides nominations depends on the approval
 * chain (GET /approval-chain), who oversees them on the role.
 * - `approver`: the role decides at some level of the chain; administrators always may.
 * - `nominationOverseer`: directors, KAM specialists and administrators, who follow every
 *   nomination in their scope.
 * - `cadenceOverseer`: the same roles, who follow the cadence breaches of every account in
 *   their scope (everyone else sees their own on My day).
 */
export type Gate = 'approver' | 'nominationOverseer' | 'cadenceOverseer';

export type Access = {
  can: (permission: Permission) => boolean;
  passes: (gate: Gate) => boolean;
};

const OVERSEERS: ReadonlySet<Role> = new Set<Role>(['admin', 'director', 'specialist']);

export function accessFor(
  permissions: readonly Permission[] | undefined,
  role?: Role,
  approvalChain: readonly Role[] = [],
): Access {
  const granted = new Set<Permission>(permissions ?? []);
  const gates: Record<Gate, boolean> = {
    approver: role === 'admin' || (role !== undefined && approvalChain.includes(role)),
    nominationOverseer: role !== undefined && OVERSEERS.has(role),
    cadenceOverseer: role !== undefined && OVERSEERS.has(role),
  };
  return { can: (permission) => granted.has(permission), passes: (gate) => gates[gate] };
}

export function canOpen(route: AppRoute, access: Access): boolean {
  return (
    (route.permission === undefined || access.can(route.permission)) &&
    (route.gate === undefined || access.passes(route.gate))
  );
}

/** The side menu: the routes marked for it that the user may open, in table order. */
export function menuRoutes(access: Access): AppRoute[] {
  return ROUTES.filter((route) => route.menu && canOpen(route, access));
}
