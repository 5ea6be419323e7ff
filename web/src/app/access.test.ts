import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { accessFor, canOpen, menuRoutes } from './access';
import { ROUTES, homePath, type RouteKey } from './routeTable';
import { PERMISSIONS_BY_ROLE } from '../test/fixtures';

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
// handover.read: the handovers, one by one, and the accounts slipping after them.
const HANDOVER_READERS_MENU: RouteKey[] = ['handovers', 'handoverDecay'];
const HANDOVER_READERS_OPEN: RouteKey[] = [...HANDOVER_READERS_MENU, 'handover'];
// access_alert.manage: the alerts, one by one, and their thresholds.
const ALERTS_MENU: RouteKey[] = ['accessAlerts'];
const ALERTS_OPEN: RouteKey[] = [...ALERTS_MENU, 'accessAlert', 'accessAlertSettings'];
// data.import (administrators, KAM specialists): CSV imports and every import run.
const IMPORTS_MENU: RouteKey[] = ['imports'];
const IMPORTS_OPEN: RouteKey[] = [...IMPORTS_MENU, 'importRun'];
// audit.read (administrators, KAM specialists): the whole audit log, exports and refusals too.
const AUDIT_MENU: RouteKey[] = ['auditLog'];

const CASES: { role: Role; menu: RouteKey[]; open: RouteKey[] }[] = [
  {
    role: 'admin',
    menu: [
      ...decidersMenu(true),
      'cadenceRules',
      'concentration',
      'users',
      ...HANDOVER_READERS_MENU,
      ...ALERTS_MENU,
      ...IMPORTS_MENU,
      ...AUDIT_MENU,
      'orgUnits',
    ],
    open: ALL_KEYS,
  },
  {
    role: 'executive',
    menu: [...READERS_MENU, 'users', ...HANDOVER_READERS_MENU],
    open: [...EVERYONE, 'users', ...HANDOVER_READERS_OPEN],
  },
  {
    // Directors also hand over the staff of their units (the wizard).
    role: 'director',
    menu: [...decidersMenu(true), 'concentration', 'users', ...HANDOVER_READERS_MENU],
    open: [
      ...EVERYONE,
      ...OVERSEERS_OPEN,
      'weeklyReview',
      'users',
      ...HANDOVER_READERS_OPEN,
      'handoverNew',
    ],
  },
  {
    role: 'specialist',
    menu: [
      ...decidersMenu(false),
      'cadenceRules',
      'concentration',
      'users',
      ...HANDOVER_READERS_MENU,
      ...ALERTS_MENU,
      ...IMPORTS_MENU,
      ...AUDIT_MENU,
    ],
    open: [
      ...EVERYONE,
      ...OVERSEERS_OPEN,
      'users',
      'tierSchemeNew',
      'cadenceRules',
      ...HANDOVER_READERS_OPEN,
      ...ALERTS_OPEN,
      ...IMPORTS_OPEN,
      ...AUDIT_MENU,
    ],
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
