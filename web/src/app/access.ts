// Who may open what. The server decides permissions (GET /auth/me → `permissions`); the
// console only mirrors them to hide what a user cannot use. The server still refuses.
import type { Permission } from '../api/types';
import { ROUTES, type AppRoute } from './routeTable';

export type { Permission };

export type Access = {
  can: (permission: Permission) => boolean;
};

export function accessFor(permissions: readonly Permission[] | undefined): Access {
  const granted = new Set<Permission>(permissions ?? []);
  return { can: (permission) => granted.has(permission) };
}

export function canOpen(route: AppRoute, access: Access): boolean {
  return route.permission === undefined || access.can(route.permission);
}

/** The side menu: the routes marked for it that the user may open, in table order. */
export function menuRoutes(access: Access): AppRoute[] {
  return ROUTES.filter((route) => route.menu && canOpen(route, access));
}
