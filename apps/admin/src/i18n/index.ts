// i18next with one namespace per feature. The app's own strings live in src/locales/<lang>/;
// the analyst and import features keep theirs next to their code. Everything is bundled: no
// translation files are fetched at run time.
import type { Lang } from '@atlas/domain';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { Locale } from 'typebox/system';
import analystEn from '../analyst/locales/en.json';
import analystEs from '../analyst/locales/es.json';
import importEn from '../import/locales/en.json';
import importEs from '../import/locales/es.json';
import adminEn from '../locales/en/admin.json';
import commonEn from '../locales/en/common.json';
import registryEn from '../locales/en/registry.json';
import adminEs from '../locales/es/admin.json';
import commonEs from '../locales/es/common.json';
import registryEs from '../locales/es/registry.json';
import { initialLanguage } from './language';

export const languages: readonly Lang[] = ['en', 'es'];

export const resources = {
  en: {
    common: commonEn,
    registry: registryEn,
    admin: adminEn,
    analyst: analystEn,
    import: importEn,
  },
  es: {
    common: commonEs,
    registry: registryEs,
    admin: adminEs,
    analyst: analystEs,
    import: importEs,
  },
} as const;

export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)['en'])[];

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: languages,
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

// Schema messages (TypeBox's own) follow the interface language.
function applyLanguage(lang: string): void {
  Locale.Set(lang.startsWith('es') ? Locale.es_ES : Locale.en_US);
  document.documentElement.lang = lang;
}
applyLanguage(i18next.language);
i18next.on('languageChanged', applyLanguage);

export { i18next };
