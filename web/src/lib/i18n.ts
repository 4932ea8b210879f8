// Four languages; Arabic turns the whole document right-to-left.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from '../locales/ar.json';
import en from '../locales/en.json';
import es from '../locales/es.json';
import arFields from '../locales/fields/ar.json';
import enFields from '../locales/fields/en.json';
import esFields from '../locales/fields/es.json';
import frFields from '../locales/fields/fr.json';
import fr from '../locales/fr.json';

export const LANGUAGES = [
  { code: 'ar', label: 'العربية', dir: 'rtl' },
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'fr', label: 'Français', dir: 'ltr' },
  { code: 'es', label: 'Español', dir: 'ltr' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'meridian.language';

function initialLanguage(): LanguageCode {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && LANGUAGES.some((l) => l.code === saved)) return saved as LanguageCode;
  const nav = navigator.language.slice(0, 2);
  return (LANGUAGES.find((l) => l.code === nav)?.code ?? 'en') as LanguageCode;
}

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
}

export function applyDocumentLanguage(lang: string) {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

void i18n.use(initReactI18next).init({
  // `fields`: labels of the databases' fields and choices, a flat map kept apart from the
  // console's texts (see pages/databases/labels.ts for how it is read).
  resources: {
    ar: { translation: ar, fields: arFields },
    en: { translation: en, fields: enFields },
    fr: { translation: fr, fields: frFields },
    es: { translation: es, fields: esFields },
  },
  ns: ['translation', 'fields'],
  defaultNS: 'translation',
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', (lang) => {
  localStorage.setItem(STORAGE_KEY, lang);
  applyDocumentLanguage(lang);
});

export default i18n;
