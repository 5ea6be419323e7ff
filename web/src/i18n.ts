// i18next set-up: zh-CN by default, en-US when the browser prefers English; a user's
// saved choice (preferences) overrides both once signed in.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from './api/types';
import enUS from './locales/en-US/translation.json';
import zhCN from './locales/zh-CN/translation.json';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

export function browserLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const lower = lang.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}

export function currentLocale(): Locale {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: browserLocale(typeof navigator === 'undefined' ? [] : navigator.languages),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

export default i18n;
