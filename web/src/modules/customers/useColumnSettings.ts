import { useState } from 'react';
import { usePreferences, useUpdatePreferences } from '../preferences/usePreferences';

const SETTING = 'customerColumns';

/** Which optional columns of the customer list are hidden. */
export type ColumnSettings = { hidden: string[] };

function isColumnSettings(value: unknown): value is ColumnSettings {
  if (typeof value !== 'object' || value === null || !('hidden' in value)) return false;
  const { hidden } = value as { hidden: unknown };
  return Array.isArray(hidden) && hidden.every((k) => typeof k === 'string');
}

/**
 * The customer list's column choice, kept per user in the server-side preferences so it
 * follows the user to another browser.
 */
export function useColumnSettings(defaults: ColumnSettings) {
  const { preferences } = usePreferences();
  const updatePreferences = useUpdatePreferences();
  const [edited, setEdited] = useState<ColumnSettings>();
  const saved = preferences?.settings[SETTING];

  const handleChange = (next: ColumnSettings) => {
    setEdited(next);
    updatePreferences.mutate((prefs) => ({
      ...prefs,
      settings: { ...prefs.settings, [SETTING]: next },
    }));
  };

  return {
    value: edited ?? (isColumnSettings(saved) ? saved : defaults),
    onChange: handleChange,
  };
}
