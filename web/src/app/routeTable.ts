// The one route table: every page inside the signed-in layout, the permission or gate it
// needs (none: any signed-in user) and whether it appears in the side menu. The router, the
// side menu and the access checks all read it (access.ts; tested in access.test.ts).
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { Role } from '../api/types';
import { prefetchCustomerList } from '../modules/customers/api';
import type { Gate, Permission } from './access';

export type RouteKey =
  | 'myDay'
  | 'visitPlans'
  | 'customers'
  | 'customer'
  | 'approvals'
  | 'myNominations'
  | 'nominations'
  | 'nomination'
  | 'cadenceBreaches'
  | 'weeklyReview'
  | 'tierSchemes'
  | 'tierSchemeNew'
  | 'tierScheme'
  | 'cadenceRules'
  | 'concentration'
  | 'users'
  | 'handovers'
  | 'handoverNew'
  | 'handoverDecay'
  | 'handover'
  | 'accessAlerts'
  | 'accessAlertSettings'
  | 'accessAlert'
  | 'imports'
  | 'importRun'
  | 'auditLog'
  | 'orgUnits'
  | 'profile';
export type MenuIcon =
  | 'myDay'
  | 'visitPlans'
  | 'customers'
  | 'approvals'
  | 'myNominations'
  | 'nominations'
  | 'cadenceBreaches'
  | 'weeklyReview'
  | 'tierSchemes'
  | 'cadenceRules'
  | 'concentration'
  | 'users'
  | 'handovers'
  | 'handoverDecay'
  | 'accessAlerts'
  | 'imports'
  | 'auditLog'
  | 'orgUnits';

export type AppRoute = {
  key: RouteKey;
  path: string;
  /** i18n key of the menu entry and page title. */
  titleKey: string;
  permission?: Permission;
  /** A condition beyond permissions (access.ts); both must hold when both are given. */
  gate?: Gate;
  menu: boolean;
  icon?: MenuIcon;
  load: () => Promise<{ default: ComponentType }>;
  /** Starts the page's first requests as soon as the URL is known. */
  prefetch?: (client: QueryClient, url: URL) => void;
};

export const ROUTES: readonly AppRoute[] = [
  {
    // Whoever records contacts: their overdue accounts, next steps, requests and birthdays.
    key: 'myDay',
    path: '/my-day',
    titleKey: 'menu.myDay',
    permission: 'interaction.write',
    menu: true,
    icon: 'myDay',
    load: () => import('../pages/MyDayPage'),
  },
  {
    // Whoever records contacts plans their visits; directors and administrators also see a
    // team member's.
    key: 'visitPlans',
    path: '/visit-plans',
    titleKey: 'visitPlan.menu',
    permission: 'interaction.write',
    menu: true,
    icon: 'visitPlans',
    load: () => import('../pages/VisitPlansPage'),
  },
  {
    key: 'customers',
    path: '/customers',
    titleKey: 'menu.customers',
    menu: true,
    icon: 'customers',
    load: () => import('../pages/CustomersPage'),
    prefetch: (client, url) => prefetchCustomerList(client, url.searchParams),
  },
  {
    key: 'customer',
    path: '/customers/:id',
    titleKey: 'dossier.title',
    menu: false,
    load: () => import('../pages/CustomerDossierPage'),
  },
  {
    key: 'approvals',
    path: '/approvals',
    titleKey: 'menu.approvals',
    gate: 'approver',
    menu: true,
    icon: 'approvals',
    load: () => import('../pages/ApprovalsPage'),
  },
  {
    key: 'myNominations',
    path: '/nominations/mine',
    titleKey: 'menu.myNominations',
    menu: true,
    icon: 'myNominations',
    load: () => import('../pages/MyNominationsPage'),
  },
  {
    key: 'nominations',
    path: '/nominations',
    titleKey: 'menu.nominations',
    gate: 'nominationOverseer',
    menu: true,
    icon: 'nominations',
    load: () => import('../pages/NominationsPage'),
  },
  {
    key: 'nomination',
    path: '/nominations/:id',
    titleKey: 'nomination.title',
    menu: false,
    load: () => import('../pages/NominationPage'),
  },
  {
    key: 'cadenceBreaches',
    path: '/cadence-breaches',
    titleKey: 'menu.cadenceBreaches',
    gate: 'cadenceOverseer',
    menu: true,
    icon: 'cadenceBreaches',
    load: () => import('../pages/CadenceBreachesPage'),
  },
  {
    // Directors (their org subtree) and administrators (everyone) review the week's contact
    // records and visit plans.
    key: 'weeklyReview',
    path: '/weekly-review',
    titleKey: 'weeklyReview.menu',
    permission: 'review.manage',
    menu: true,
    icon: 'weeklyReview',
    load: () => import('../pages/WeeklyReviewPage'),
  },
  {
    key: 'tierSchemes',
    path: '/tier-schemes',
    titleKey: 'menu.tierSchemes',
    menu: true,
    icon: 'tierSchemes',
    load: () => import('../pages/TierSchemesPage'),
  },
  {
    key: 'tierSchemeNew',
    path: '/tier-schemes/new',
    titleKey: 'tiering.add',
    permission: 'tiering.manage',
    menu: false,
    load: () => import('../pages/NewTierSchemePage'),
  },
  {
    key: 'tierScheme',
    path: '/tier-schemes/:id',
    titleKey: 'menu.tierSchemes',
    menu: false,
    load: () => import('../pages/TierSchemePage'),
  },
  {
    key: 'cadenceRules',
    path: '/cadence-rules',
    titleKey: 'menu.cadenceRules',
    permission: 'cadence.manage',
    menu: true,
    icon: 'cadenceRules',
    load: () => import('../pages/CadenceRulesPage'),
  },
  {
    // Any signed-in user: the figures cover the customers they see (GET /analytics/concentration).
    key: 'concentration',
    path: '/analytics/concentration',
    titleKey: 'menu.concentration',
    menu: true,
    icon: 'concentration',
    load: () => import('../pages/ConcentrationPage'),
  },
  {
    key: 'users',
    path: '/users',
    titleKey: 'menu.users',
    permission: 'user.read',
    menu: true,
    icon: 'users',
    load: () => import('../pages/UsersPage'),
  },
  {
    // Administrators, executives and KAM specialists read every handover; directors their units'.
    key: 'handovers',
    path: '/handovers',
    titleKey: 'menu.handovers',
    permission: 'handover.read',
    menu: true,
    icon: 'handovers',
    load: () => import('../pages/HandoversPage'),
  },
  {
    // The wizard: administrators hand over anyone but themselves, directors their units' staff.
    key: 'handoverNew',
    path: '/handovers/new',
    titleKey: 'handover.title',
    permission: 'user.handover',
    menu: false,
    load: () => import('../pages/HandoverWizardPage'),
  },
  {
    key: 'handoverDecay',
    path: '/handovers/decay',
    titleKey: 'menu.handoverDecay',
    permission: 'handover.read',
    menu: true,
    icon: 'handoverDecay',
    load: () => import('../pages/HandoverDecayPage'),
  },
  {
    key: 'handover',
    path: '/handovers/:id',
    titleKey: 'handover.title',
    permission: 'handover.read',
    menu: false,
    load: () => import('../pages/HandoverPage'),
  },
  {
    key: 'accessAlerts',
    path: '/access-alerts',
    titleKey: 'menu.accessAlerts',
    permission: 'access_alert.manage',
    menu: true,
    icon: 'accessAlerts',
    load: () => import('../pages/AccessAlertsPage'),
  },
  {
    key: 'accessAlertSettings',
    path: '/access-alerts/settings',
    titleKey: 'accessAlert.settings.title',
    permission: 'access_alert.manage',
    menu: false,
    load: () => import('../pages/AccessAlertSettingsPage'),
  },
  {
    key: 'accessAlert',
    path: '/access-alerts/:id',
    titleKey: 'menu.accessAlerts',
    permission: 'access_alert.manage',
    menu: false,
    load: () => import('../pages/AccessAlertPage'),
  },
  {
    // Administrators and KAM specialists import customers and transactions from CSV files.
    key: 'imports',
    path: '/imports',
    titleKey: 'menu.imports',
    permission: 'data.import',
    menu: true,
    icon: 'imports',
    load: () => import('../pages/ImportsPage'),
  },
  {
    key: 'importRun',
    path: '/imports/:id',
    titleKey: 'menu.imports',
    permission: 'data.import',
    menu: false,
    load: () => import('../pages/ImportRunPage'),
  },
  {
    // Administrators and KAM specialists read the whole audit log: exports, refusals, imports…
    key: 'auditLog',
    path: '/audit-log',
    titleKey: 'menu.auditLog',
    permission: 'audit.read',
    menu: true,
    icon: 'auditLog',
    load: () => import('../pages/AuditLogPage'),
  },
  {
    key: 'orgUnits',
    path: '/org-units',
    titleKey: 'menu.orgUnits',
    permission: 'org.manage',
    menu: true,
    icon: 'orgUnits',
    load: () => import('../pages/OrgUnitsPage'),
  },
  {
    key: 'profile',
    path: '/profile',
    titleKey: 'menu.profile',
    menu: false,
    load: () => import('../pages/ProfilePage'),
  },
];

// Those who keep in touch with their own accounts start with their day; everyone else, who
// mostly oversees or reads, with the customer list.
const STARTS_WITH_MY_DAY: ReadonlySet<Role> = new Set<Role>([
  'kam',
  'assistant',
  'sales',
  'service',
]);

/** Where a signed-in user lands (`/`, and after login without a `next`). */
export function homePath(role: Role | undefined): string {
  return role !== undefined && STARTS_WITH_MY_DAY.has(role) ? '/my-day' : '/customers';
}
