import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types';
import { LOCALES, currentLocale } from '../i18n';
import { useUpdatePreferences } from '../modules/preferences/usePreferences';

const LABELS: Record<Locale, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

/** Switches the console language; when signed in, the choice is saved with the user's preferences. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const updatePreferences = useUpdatePreferences();

  const handleChange = (locale: Locale) => {
    void i18n.changeLanguage(locale);
    if (signedIn) updatePreferences.mutate((prefs) => ({ ...prefs, locale }));
  };

  return (
    <Select<Locale>
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={currentLocale()}
      onChange={handleChange}
      variant="borderless"
      suffixIcon={<GlobalOutlined />}
      popupMatchSelectWidth={false}
      options={LOCALES.map((l) => ({ value: l, label: LABELS[l] }))}
    />
  );
}
