import type { Locale } from '@raccord/schemas';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/fr';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { translations } from './resources';

const storageKey = 'raccord.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** The language chosen on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'fr';
}

/** Switches the interface language and remembers it on this device. */
export async function changeLocale(locale: Locale, remember = true): Promise<void> {
  if (remember) {
    try {
      window.localStorage.setItem(storageKey, locale);
    } catch {
      // Private browsing may refuse storage: the choice then lasts for this page only.
    }
  }
  await i18n.changeLanguage(locale);
}

i18n.on('languageChanged', (lng) => {
  dayjs.locale(isLocale(lng) ? lng : 'fr');
  document.documentElement.lang = lng;
});

const initial = storedLocale() ?? 'fr';
dayjs.locale(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: translations.fr }, en: { translation: translations.en } },
  lng: initial,
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
