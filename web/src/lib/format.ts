// Display helpers that follow the chosen language.
import type { Names } from './api';
import i18n from './i18n';

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

export function bureauName(names: Names | undefined, code: string): string {
  if (!names) return code;
  return names[i18n.language as keyof Names] ?? names.en ?? code;
}
