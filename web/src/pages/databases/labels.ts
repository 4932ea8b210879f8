// Labels of databases, fields and choices in the console's language. The `fields` namespace is
// a flat map (`vin`, `enum.stolen`, `db.vehicles`, `db.vehicles.description`) whose keys hold
// dots, so it is read without a key separator. A label it lacks falls back to the console's own
// texts, then to the English title the server's schema carries, then to the name itself.
import type { TFunction } from 'i18next';

const FLAT = { ns: 'fields', keySeparator: false } as const;

const lookup = (t: TFunction, key: string, fallback: string): string =>
  t(key, { ...FLAT, defaultValue: fallback }) as string;

export const dbName = (t: TFunction, id: string) =>
  lookup(t, `db.${id}`, t(`databases.names.${id}`, { defaultValue: id }) as string);

export const dbDescription = (t: TFunction, id: string) =>
  lookup(t, `db.${id}.description`, t(`databases.descriptions.${id}`, { defaultValue: '' }) as string);

export const fieldLabel = (t: TFunction, name: string, title?: string) =>
  lookup(t, name, t(`fields.${name}`, { defaultValue: title ?? name }) as string);

export const choiceLabel = (t: TFunction, value: string) =>
  lookup(t, `enum.${value}`, t(`choices.${value}`, { defaultValue: value.replace(/_/g, ' ') }) as string);

/** The label of a field named by the server's path (`data.plates.0.number` → "Number"). */
export const pathLabel = (t: TFunction, path: string) => {
  const last = path
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .at(-1);
  return last ? fieldLabel(t, last) : path;
};

const ENVELOPE = [
  'reference',
  'restriction',
  'handling',
  'purpose',
  'legalBasis',
  'reviewDate',
  'sourceReliability',
  'infoAccuracy',
];

/** A field of a whole record: an envelope field, or one of its data (`data.vin`, or bare `vin`). */
export const recordFieldLabel = (t: TFunction, path: string) => {
  const p = path.replace(/^body\./, '');
  const head = p.split('.')[0]!;
  if (ENVELOPE.includes(head)) return t(`records.envelope.${head}`);
  if (head === 'status' || head === 'closeReason') return t('records.list.status');
  if (p === 'data.mrz') return t('records.form.mrz');
  return pathLabel(t, p);
};
