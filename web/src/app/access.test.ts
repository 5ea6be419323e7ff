import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { accessFor, canOpen, menuRoutes, type Permission } from './access';
import { ROUTES, homePath, type RouteKey } from './routeTable';

// The permissions GET /auth/me grants each demo role (README's "Who may do what" table).
const PERMISSIONS_BY_ROLE: Record<Role, Permission[]> = {
  admin: [
    'customer.create',
    'customer.update',
    'customer.assign',
    'customer.delete',
    'contact.write',
    'account_team.write',
    'user.read',
    'user.manage',
    'org.manage',
    'audit.read',
    'data.import',
    'tiering.manage',
    'interaction.write',
    'cadence.manage',
    'access_alert.manage',
    'user.handover',
    'handover.read',
    'review.manage',
  ],
  executive: ['user.read', 'handover.read'],
  director: [
    'customer.create',
    'customer.update',
    'customer.assign',
    'contact.write',
    'account_team.write',
    'user.read',
    'interaction.write',
    'user.handover',
    'handover.read',
    'review.manage',
  ],
  kam: ['customer.create', 'customer.update', 'contact.write', 'interaction.write'],
  assistant: ['customer.create', 'customer.update', 'contact.write', 'interaction.write'],
  specialist: [
    'customer.create',
    'customer.update',
    'customer.assign',
    'customer.delete',
    'contact.write',
    'account_team.write',
    'user.read',
    'audit.read',
    'data.import',
    'tiering.manage',
    'interaction.write',
    'cadence.manage',
    'access_alert.manage',
    'handover.read',
  ],
  service: ['customer.update', 'contact.write', 'interaction.write'],
  sales: ['customer.create', 'customer.update', 'contact.write', 'interaction.write'],
};

const ALL_KEYS = ROUTES.map((r) => r.key);
const DEFAULT_CHAIN: Role[] = ['director', 'specialist'];
// Every signed-in user reads the tier schemes, may nominate and sees the concentration of
// the customers in their scope; only tiering.manage opens "new scheme". Everyone but
// executives records contacts and has a day of their own.
const EVERYONE: RouteKey[] = [
  'customers',
  'customer',
  'myNominations',
  'nomination',
  'tierSchemes',
  'tierScheme',
  'concentration',
  'profile',
];
const READERS_MENU: RouteKey[] = ['customers', 'myNominations', 'tierSchemes', 'concentration'];
// Whoever records contacts plans visits; directors and administrators review the week.
const RECORDERS_MENU: RouteKey[] = ['myDay', 'visitPlans', ...READERS_MENU];
const RECORDERS_OPEN: RouteKey[] = [...EVERYONE, 'myDay', 'visitPlans'];
const decidersMenu = (reviews: boolean): RouteKey[] => [
  'myDay',
  'visitPlans',
  'customers',
  'approvals',
  'myNominations',
  'nominations',
  'cadenceBreaches',
  ...(reviews ? (['weeklyReview'] as const) : []),
  'tierSchemes',
];
const OVERSEERS_OPEN: RouteKey[] = [
  'myDay',
  'visitPlans',
  'approvals',
  'nominations',
  'cadenceBreaches',
];

const CASES: { role: Role; menu: RouteKey[]; open: RouteKey[] }[] = [
  {
    role: 'admin',
    menu: [...decidersMenu(true), 'cadenceRules', 'concentration', 'users', 'orgUnits'],
    open: ALL_KEYS,
  },
  { role: 'executive', menu: [...READERS_MENU, 'users'], open: [...EVERYONE, 'users'] },
  {
    role: 'director',
    menu: [...decidersMenu(true), 'concentration', 'users'],
    open: [...EVERYONE, ...OVERSEERS_OPEN, 'weeklyReview', 'users'],
  },
  {
    role: 'specialist',
    menu: [...decidersMenu(false), 'cadenceRules', 'concentration', 'users'],
    open: [...EVERYONE, ...OVERSEERS_OPEN, 'users', 'tierSchemeNew', 'cadenceRules'],
  },
  { role: 'kam', menu: RECORDERS_MENU, open: RECORDERS_OPEN },
  { role: 'assistant', menu: RECORDERS_MENU, open: RECORDERS_OPEN },
  { role: 'service', menu: RECORDERS_MENU, open: RECORDERS_OPEN },
  { role: 'sales', menu: RECORDERS_MENU, open: RECORDERS_OPEN },
];

describe('route table access', () => {
  it.each(CASES)('$role sees the menu $menu', ({ role, menu }) => {
    const access = accessFor(PERMISSIONS_BY_ROLE[role], role, DEFAULT_CHAIN);
    expect(menuRoutes(access).map((r) => r.key)).toEqual(menu);
  });

  it.each(CASES)('$role may open exactly $open', ({ role, open }) => {
    const access = accessFor(PERMISSIONS_BY_ROLE[role], role, DEFAULT_CHAIN);
    const opened = ROUTES.filter((r) => canOpen(r, access)).map((r) => r.key);
    expect(new Set(opened)).toEqual(new Set(open));
  });

  it('grants nothing beyond the open routes when the server sends no permissions', () => {
    const access = accessFor(undefined);
    expect(ROUTES.filter((r) => canOpen(r, access)).map((r) => r.key)).toEqual(
      ROUTES.filter((r) => r.permission === undefined && r.gate === undefined).map((r) => r.key),
    );
  });

  it.each([
    { chain: ['executive'], role: 'executive', approves: true },
    { chain: ['executive'], role: 'director', approves: false },
    { chain: ['kam', 'director'], role: 'kam', approves: true },
    { chain: [], role: 'admin', approves: true },
    { chain: [], role: 'specialist', approves: false },
  ] as { chain: Role[]; role: Role; approves: boolean }[])(
    'with the chain $chain, a $role approves: $approves',
    ({ chain, role, approves }) => {
      const access = accessFor(PERMISSIONS_BY_ROLE[role], role, chain);
      expect(access.passes('approver')).toBe(approves);
      expect(menuRoutes(access).some((r) => r.key === 'approvals')).toBe(approves);
    },
  );

  it.each([
    ['kam', '/my-day'],
    ['assistant', '/my-day'],
    ['sales', '/my-day'],
    ['service', '/my-day'],
    ['admin', '/customers'],
    ['executive', '/customers'],
    ['director', '/customers'],
    ['specialist', '/customers'],
  ] as [Role, string][])('a %s starts at %s', (role, path) => {
    expect(homePath(role)).toBe(path);
    // The start is a page they may open.
    const access = accessFor(PERMISSIONS_BY_ROLE[role], role, DEFAULT_CHAIN);
    const start = ROUTES.find((r) => r.path === path);
    expect(start && canOpen(start, access)).toBe(true);
  });

  it('has unique keys and paths', () => {
    expect(new Set(ROUTES.map((r) => r.key)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
  });
});
