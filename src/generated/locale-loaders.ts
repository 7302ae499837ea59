// Generated from lit-localize.json's targetLocales by `npm run i18n:build`: add a language there, not here.
import type { LocaleModule } from '../shared/locale.js';

/** The translated languages (English is the source), each a lazily loaded module. */
export const LOCALES: Record<string, () => Promise<LocaleModule>> = {
  "am": () => import('./locales/am.js'),
  "ar": () => import('./locales/ar.js'),
  "es": () => import('./locales/es.js'),
  "fr": () => import('./locales/fr.js'),
  "ht": () => import('./locales/ht.js'),
  "so": () => import('./locales/so.js'),
  "tl": () => import('./locales/tl.js'),
  "vi": () => import('./locales/vi.js'),
  "zh-Hans": () => import('./locales/zh-Hans.js'),
};
