import { describe, expect, it } from 'vitest';
import type { AccessAlertSettings } from '../../api/types';
import { sameSettings, settingsFormPath, toSettingsForm, toSettingsPut } from './settingsForm';

const settings: AccessAlertSettings = {
  window_minutes: 10,
  thresholds: {
    admin: null,
    executive: null,
    director: 1000,
    kam: 200,
    assistant: 200,
    specialist: null,
    service: 1000,
    sales: 200,
  },
  version: 3,
  updated_at: null,
};

describe('the alert settings form', () => {
  it('sends every role, an emptied threshold as null', () => {
    const values = toSettingsForm(settings);
    values.thresholds.kam = null;
    values.thresholds.executive = 50;
    expect(toSettingsPut(values)).toEqual({
      window_minutes: 10,
      thresholds: { ...settings.thresholds, kam: null, executive: 50 },
    });
  });

  it('knows when nothing changed', () => {
    const values = toSettingsForm(settings);
    expect(sameSettings(values, settings)).toBe(true);
    values.window_minutes = 15;
    expect(sameSettings(values, settings)).toBe(false);
  });

  it.each([
    ['window_minutes', ['window_minutes']],
    ['thresholds.kam', ['thresholds', 'kam']],
    ['thresholds.nobody', null],
    ['version', null],
  ])('places %s at %j', (field, path) => {
    expect(settingsFormPath(field)).toEqual(path);
  });
});
