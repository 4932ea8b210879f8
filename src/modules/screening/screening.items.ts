// What a border system sends, item by item, turned into checks or into the reasons an item is
// invalid. A batch is judged item by item: one bad item never fails the others.
import countries from 'i18n-iso-countries';
import type { FieldIssue } from '../records/catalogue/catalogue.types.js';
import { vinProblems } from '../records/databases/check-digits.js';
import { TRAVEL_TYPES } from '../records/databases/documents.js';
import { icaoToAlpha2, travelDocumentFromMrz } from '../records/databases/mrz-entry.js';
import { normaliseIdentifier } from '../records/search/normalise.js';

/** The document types a check may name: those the travel documents database records. */
export const DOCUMENT_TYPES = TRAVEL_TYPES;
const SEXES = ['female', 'male', 'unknown'] as const;

export interface DocumentCheck {
  /** Normalised: upper-case letters and digits. */
  number: string;
  issuingCountry: string;
  type?: string;
}

export interface VehicleCheck {
  vin?: string;
  plate?: string;
  country?: string;
}

export interface PersonCheck {
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: 'female' | 'male' | 'unknown';
}

export interface TravellerCheck {
  document?: DocumentCheck;
  person?: PersonCheck;
}

export type Parsed<T> = { ok: true; check: T } | { ok: false; reasons: FieldIssue[] };

type Item = Record<string, unknown>;

const isObject = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);
const issue = (field: string, message: string): FieldIssue => ({ field, message });

/** ISO 3166 alpha-2, alpha-3 or an ICAO code (D for Germany…) to alpha-2; undefined if unknown. */
export function countryCode(value: string): string | undefined {
  const c = value.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(c)) return countries.isValid(c) ? c : undefined;
  return /^[A-Z<]{1,3}$/.test(c) ? icaoToAlpha2(c) : undefined;
}

function stringField(item: Item, field: string, prefix: string, reasons: FieldIssue[], max: number) {
  const v = item[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') {
    reasons.push(issue(prefix + field, 'must be a string'));
    return undefined;
  }
  if (v.length > max) {
    reasons.push(issue(prefix + field, `must be at most ${max} characters`));
    return undefined;
  }
  return v;
}

function countryField(item: Item, field: string, prefix: string, reasons: FieldIssue[], required: boolean) {
  const v = stringField(item, field, prefix, reasons, 10);
  if (v === undefined) {
    if (required && !reasons.some((r) => r.field === prefix + field))
      reasons.push(issue(prefix + field, 'is required'));
    return undefined;
  }
  const code = countryCode(v);
  if (!code) reasons.push(issue(prefix + field, `is not a known country: ${v}`));
  return code;
}

function identifier(value: string, field: string, reasons: FieldIssue[], min: number, max: number) {
  const n = normaliseIdentifier(value);
  if (!/^[A-Z0-9]*$/.test(n)) {
    reasons.push(issue(field, 'must be made of the letters A–Z and digits'));
    return undefined;
  }
  if (n.length < min || n.length > max) {
    reasons.push(issue(field, `must have ${min} to ${max} letters and digits`));
    return undefined;
  }
  return n;
}

function documentOf(item: Item, prefix: string, reasons: FieldIssue[]): DocumentCheck | undefined {
  const before = reasons.length;
  const raw = stringField(item, 'number', prefix, reasons, 40);
  if (raw === undefined && reasons.length === before) reasons.push(issue(`${prefix}number`, 'is required'));
  const number = raw === undefined ? undefined : identifier(raw, `${prefix}number`, reasons, 2, 30);
  const issuingCountry = countryField(item, 'issuingCountry', prefix, reasons, true);
  const type = stringField(item, 'type', prefix, reasons, 40);
  if (type !== undefined && !(DOCUMENT_TYPES as readonly string[]).includes(type)) {
    reasons.push(issue(`${prefix}type`, `must be one of ${DOCUMENT_TYPES.join(', ')}`));
  }
  if (reasons.length > before || !number || !issuingCountry) return undefined;
  return { number, issuingCountry, ...(type ? { type } : {}) };
}

/** YYYY, YYYY-MM or YYYY-MM-DD, and a real date. */
function partialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function personOf(item: Item, prefix: string, reasons: FieldIssue[]): PersonCheck | undefined {
  const before = reasons.length;
  const name = stringField(item, 'name', prefix, reasons, 200);
  if (name === undefined && reasons.length === before) reasons.push(issue(`${prefix}name`, 'is required'));
  else if (name !== undefined && !/\p{L}/u.test(name)) reasons.push(issue(`${prefix}name`, 'needs a name'));
  const dateOfBirth = stringField(item, 'dateOfBirth', prefix, reasons, 10);
  if (dateOfBirth !== undefined && !partialDate(dateOfBirth)) {
    reasons.push(issue(`${prefix}dateOfBirth`, 'must be a date YYYY-MM-DD (or YYYY-MM, YYYY)'));
  }
  const nationality = countryField(item, 'nationality', prefix, reasons, false);
  const sex = stringField(item, 'sex', prefix, reasons, 10);
  if (sex !== undefined && !(SEXES as readonly string[]).includes(sex)) {
    reasons.push(issue(`${prefix}sex`, `must be one of ${SEXES.join(', ')}`));
  }
  if (reasons.length > before || !name) return undefined;
  return {
    name,
    ...(dateOfBirth ? { dateOfBirth } : {}),
    ...(nationality ? { nationality } : {}),
    ...(sex ? { sex: sex as PersonCheck['sex'] } : {}),
  };
}

export function parseDocumentItem(item: unknown): Parsed<DocumentCheck> {
  if (!isObject(item)) return { ok: false, reasons: [issue('', 'must be an object')] };
  const reasons: FieldIssue[] = [];
  const check = documentOf(item, '', reasons);
  return check ? { ok: true, check } : { ok: false, reasons };
}

export function parseVehicleItem(item: unknown): Parsed<VehicleCheck> {
  if (!isObject(item)) return { ok: false, reasons: [issue('', 'must be an object')] };
  const reasons: FieldIssue[] = [];
  const vinRaw = stringField(item, 'vin', '', reasons, 30);
  const plateRaw = stringField(item, 'plate', '', reasons, 20);
  const country = countryField(item, 'country', '', reasons, false);
  let vin: string | undefined;
  if (vinRaw !== undefined) {
    vin = identifier(vinRaw, 'vin', reasons, 5, 17);
    const problem = vin ? vinProblems(vin).error : undefined;
    if (problem) {
      reasons.push(issue('vin', problem));
      vin = undefined;
    }
  }
  const plate = plateRaw === undefined ? undefined : identifier(plateRaw, 'plate', reasons, 2, 15);
  if (vinRaw === undefined && plateRaw === undefined && reasons.length === 0) {
    reasons.push(issue('vin', 'give a VIN or a plate'));
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    check: { ...(vin ? { vin } : {}), ...(plate ? { plate } : {}), ...(country ? { country } : {}) },
  };
}

/** The MRZ's fields as a traveller check; reasons name the check digit or field that failed. */
function travellerFromMrz(mrz: unknown, reasons: FieldIssue[]): TravellerCheck | undefined {
  if (typeof mrz !== 'string' && !(Array.isArray(mrz) && mrz.every((l) => typeof l === 'string'))) {
    reasons.push(issue('mrz', 'must be a string of two or three lines'));
    return undefined;
  }
  if ((Array.isArray(mrz) ? mrz.join('\n') : mrz).length > 300) {
    reasons.push(issue('mrz', 'must be at most 300 characters'));
    return undefined;
  }
  const { fields, errors, sex } = travelDocumentFromMrz(mrz);
  if (errors.length > 0) {
    for (const e of errors) reasons.push(issue('mrz', e.message));
    return undefined;
  }
  const number = normaliseIdentifier(String(fields.documentNumber ?? ''));
  const document: DocumentCheck = {
    number,
    issuingCountry: String(fields.issuingCountry),
    type: String(fields.type),
  };
  const name = typeof fields.holderName === 'string' ? fields.holderName : undefined;
  const person: PersonCheck | undefined = name
    ? {
        name,
        ...(fields.holderDateOfBirth ? { dateOfBirth: String(fields.holderDateOfBirth) } : {}),
        ...(fields.holderNationality ? { nationality: String(fields.holderNationality) } : {}),
        ...(sex ? { sex } : {}),
      }
    : undefined;
  return { document, ...(person ? { person } : {}) };
}

export function parseTravellerItem(item: unknown): Parsed<TravellerCheck> {
  if (!isObject(item)) return { ok: false, reasons: [issue('', 'must be an object')] };
  const reasons: FieldIssue[] = [];
  const hasMrz = item.mrz !== undefined && item.mrz !== null && item.mrz !== '';
  if (hasMrz && (item.document !== undefined || item.person !== undefined)) {
    return {
      ok: false,
      reasons: [issue('mrz', 'give either an MRZ or document and person fields, not both')],
    };
  }
  if (hasMrz) {
    const check = travellerFromMrz(item.mrz, reasons);
    return check ? { ok: true, check } : { ok: false, reasons };
  }
  if (item.document === undefined && item.person === undefined) {
    return { ok: false, reasons: [issue('mrz', 'give an MRZ, or document and person fields')] };
  }
  let document: DocumentCheck | undefined;
  let person: PersonCheck | undefined;
  if (item.document !== undefined) {
    if (isObject(item.document)) document = documentOf(item.document, 'document.', reasons);
    else reasons.push(issue('document', 'must be an object'));
  }
  if (item.person !== undefined) {
    if (isObject(item.person)) person = personOf(item.person, 'person.', reasons);
    else reasons.push(issue('person', 'must be an object'));
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, check: { ...(document ? { document } : {}), ...(person ? { person } : {}) } };
}
