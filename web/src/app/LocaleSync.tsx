import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../modules/preferences/usePreferences';

/** Applies the language saved in the user's preferences once they are loaded. */
export function LocaleSync() {
  const { i18n } = useTranslation();
  const { preferences } = usePreferences();
  const saved = preferences?.locale;
  useEffect(() => {
    if (saved && saved !== i18n.language) void i18n.changeLanguage(saved);
  }, [saved, i18n]);
  return null;
}
