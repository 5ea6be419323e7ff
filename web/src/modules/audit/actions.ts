// The audit log's actions (审计日志), as the server writes them, grouped for the action
// filter. Each has words under `history.action.<entity>.<verb>`; an action not listed here
// (a newer server's) is still shown, by its code.
import type { TFunction } from 'i18next';

export type ActionGroup = {
  key: 'customers' | 'engagement' | 'tiering' | 'data' | 'people' | 'security';
  actions: readonly string[];
};

export const EXPORT_ACTION = 'customer.export';
export const DENIED_ACTION = 'access.denied';

export const ACTION_GROUPS: readonly ActionGroup[] = [
  {
    key: 'customers',
    actions: [
      'customer.create',
      'customer.update',
      'customer.delete',
      'customer.cadence',
      'contact.create',
      'contact.update',
      'contact.delete',
      'account_team.add',
      'account_team.remove',
      'account_team.apply_default',
      'default_team.update',
    ],
  },
  {
    key: 'engagement',
    actions: [
      'interaction.create',
      'interaction.update',
      'interaction.delete',
      'visit_plan.create',
      'visit_plan.update',
      'visit_plan.complete',
      'visit_plan.cancel',
      'visit_plan.reopen',
      'review.mark',
      'review.unmark',
      'comment.create',
      'cadence.rules',
    ],
  },
  {
    key: 'tiering',
    actions: [
      'nomination.create',
      'nomination.approve',
      'nomination.reject',
      'nomination.withdraw',
      'nomination.resubmit',
      'approval_chain.update',
      'tier_scheme.create',
      'tier_scheme.update',
      'tier_scheme.delete',
      'tier_scheme.apply',
    ],
  },
  {
    key: 'data',
    actions: [
      EXPORT_ACTION,
      'import.start',
      'import.finish',
      'import.cancel',
      'customer.import',
      'transaction.import',
      'demo.load',
    ],
  },
  {
    key: 'people',
    actions: [
      'user.create',
      'user.update',
      'user.enable',
      'user.disable',
      'user.password_change',
      'user.password_reset',
      'user.handover',
      'org_unit.create',
      'org_unit.update',
      'org_unit.delete',
      'org.bootstrap',
      'token.create',
      'token.revoke',
    ],
  },
  {
    key: 'security',
    actions: [
      'auth.login',
      'auth.logout',
      'auth.login_failed',
      'auth.login_throttled',
      DENIED_ACTION,
      'access.out_of_scope',
      'access_alert.acknowledge',
      'access_alert_settings.update',
    ],
  },
];

/** An action's code as the API takes it: `<entity>.<verb>`, lower case. */
export function isActionCode(text: string | null): text is string {
  return text !== null && /^[a-z_]+\.[a-z_]+$/.test(text);
}

/** An action in words ("导出客户清单"), or its code when the console has none. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`history.action.${action}`, { defaultValue: action });
}

/** The kind of thing a record is about in words ("导入记录"), or its code. */
export function entityLabel(t: TFunction, entity: string): string {
  return entity ? t(`audit.entity.${entity}`, { defaultValue: entity }) : '';
}
