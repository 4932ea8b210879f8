// Field builders for the database schemas. They keep to the shapes the console's generic form
// renders: strings (with a length, a pattern or a date format), enumerations, integers and
// numbers with bounds, booleans, lists of those, one level of nested objects and lists of objects.
import { type TSchema, Type } from '@sinclair/typebox';

export const text = (title: string, maxLength = 200, extra: Record<string, unknown> = {}) =>
  Type.String({ title, minLength: 1, maxLength, ...extra });

export const longText = (title: string) => text(title, 2000);

export const enumField = <T extends string>(values: readonly T[], title: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], title });

/** ISO 3166-1 alpha-2, upper case. */
export const country = (title: string) =>
  Type.String({ title, pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code, e.g. FR' });

/** A full date, YYYY-MM-DD. */
export const day = (title: string) => Type.String({ title, format: 'date', description: 'YYYY-MM-DD' });

/** A full or partial date: YYYY, YYYY-MM or YYYY-MM-DD (a date of birth is often known only in part). */
export const partialDate = (title: string) =>
  Type.String({
    title,
    pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
    description: 'YYYY, YYYY-MM or YYYY-MM-DD',
  });

export const int = (title: string, minimum: number, maximum: number) =>
  Type.Integer({ title, minimum, maximum });

export const list = <T extends TSchema>(title: string, items: T, maxItems = 20) =>
  Type.Array(items, { title, maxItems });

export const texts = (title: string, maxItems = 20, maxLength = 200) =>
  list(title, Type.String({ minLength: 1, maxLength }), maxItems);

export const countries = (title: string) => list(title, Type.String({ pattern: '^[A-Z]{2}$' }), 10);

/** A reference to another record of Meridian (a person, a firearm…). */
export const recordRef = (title: string) =>
  Type.String({
    title,
    pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    description: 'Record id',
  });

export const opt = Type.Optional;

export const object = (properties: Record<string, TSchema>, title?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(title ? { title } : {}) });

/** Strings of a record's data, read safely (the schema has been checked before these run). */
export const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
export const arr = <T = Record<string, unknown>>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
export const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
/** The words of several values (strings, lists, objects of strings), for free-text search. */
export function words(...values: unknown[]): string {
  let out = '';
  const add = (v: unknown) => {
    if (v === undefined || v === null || v === '') return;
    if (typeof v === 'string') out += out ? ` ${v}` : v;
    else if (Array.isArray(v)) for (const x of v) add(x);
    else if (typeof v === 'object') for (const x of Object.values(v)) add(x);
    else add(String(v));
  };
  for (const v of values) add(v);
  return out;
}

export const number = (title: string, minimum: number, maximum: number) =>
  Type.Number({ title, minimum, maximum });
