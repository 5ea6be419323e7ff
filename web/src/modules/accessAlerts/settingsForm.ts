// The bulk-access alert settings as the form edits them (tested in settingsForm.test.ts):
// one threshold per role, empty for "never alerts".
import type {
  AccessAlertSettings,
  AccessAlertSettingsPut,
  AccessAlertThresholds,
  Role,
} from '../../api/types';

/** The roles in the order the form lists them: those who read accounts most first. */
export const THRESHOLD_ROLES: readonly Role[] = [
  'kam',
  'assistant',
  'sales',
  'service',
  'director',
  'specialist',
  'executive',
  'admin',
];

export const MAX_THRESHOLD = 10_000_000;
export const MAX_WINDOW_MINUTES = 1440;

export type SettingsFormValues = {
  window_minutes: number | null;
  thresholds: Record<Role, number | null>;
};

export function toSettingsForm(s: AccessAlertSettings): SettingsFormValues {
  const thresholds = {} as Record<Role, number | null>;
  for (const role of THRESHOLD_ROLES) thresholds[role] = s.thresholds[role] ?? null;
  return { window_minutes: s.window_minutes, thresholds };
}

/** The PUT body; an emptied threshold is null (the role never alerts). */
export function toSettingsPut(v: SettingsFormValues): AccessAlertSettingsPut {
  const thresholds = {} as AccessAlertThresholds;
  for (const role of THRESHOLD_ROLES) thresholds[role] = v.thresholds?.[role] ?? null;
  return { window_minutes: v.window_minutes ?? 0, thresholds };
}

export function sameSettings(v: SettingsFormValues, s: AccessAlertSettings): boolean {
  return JSON.stringify(toSettingsPut(v)) === JSON.stringify(toSettingsPut(toSettingsForm(s)));
}

/** Where the form shows a field problem of the server (`thresholds.kam`, `window_minutes`). */
export function settingsFormPath(field: string): (string | number)[] | null {
  if (field === 'window_minutes') return ['window_minutes'];
  const role = /^thresholds\.(\w+)$/.exec(field)?.[1];
  return role && (THRESHOLD_ROLES as readonly string[]).includes(role)
    ? ['thresholds', role]
    : null;
}
