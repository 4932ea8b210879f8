// Labels of databases, fields and choices in the console's language, falling back to the
// English title the server's schema carries when a translation is missing.
import type { TFunction } from 'i18next';

export const dbName = (t: TFunction, id: string) => t(`databases.names.${id}`, { defaultValue: id });

export const fieldLabel = (t: TFunction, name: string, title?: string) =>
  t(`fields.${name}`, { defaultValue: title ?? name });

export const choiceLabel = (t: TFunction, value: string) =>
  t(`choices.${value}`, { defaultValue: value.replace(/_/g, ' ') });
