// Entry of a travel document by its machine-readable zone: the `mrz` package parses TD1, TD2,
// TD3 and visa formats and checks the ICAO 9303 check digits; we turn its fields into ours.
import countries from 'i18n-iso-countries';
import { parse } from 'mrz';
import type { FieldIssue } from '../catalogue/catalogue.types.js';

/** ICAO codes that are not ISO alpha-3 (Doc 9303 part 3, 5): Germany is 'D'. */
const ICAO_SPECIAL: Record<string, string> = {
  D: 'DE',
  GBD: 'GB',
  GBN: 'GB',
  GBO: 'GB',
  GBP: 'GB',
  GBS: 'GB',
};

export function icaoToAlpha2(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  const c = code.replace(/</g, '').toUpperCase();
  return ICAO_SPECIAL[c] ?? countries.alpha3ToAlpha2(c) ?? undefined;
}

/** YYMMDD to YYYY-MM-DD; birth dates are in the past, expiry dates up to 50 years ahead. */
function mrzDate(yymmdd: string | null | undefined, kind: 'birth' | 'expiry'): string | undefined {
  if (!yymmdd || !/^\d{6}$/.test(yymmdd)) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const now = new Date().getUTCFullYear() % 100;
  const century = kind === 'birth' ? (yy > now ? 1900 : 2000) : yy > now + 50 ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

function typeOf(documentCode: string | null | undefined): string {
  const c = (documentCode ?? '').toUpperCase();
  if (c.startsWith('P')) return 'passport';
  if (c.startsWith('V')) return 'visa';
  if (c.startsWith('I') || c.startsWith('A') || c.startsWith('C')) return 'identity_card';
  return 'other';
}

const CHECKED = new Set([
  'documentNumberCheckDigit',
  'birthDateCheckDigit',
  'expirationDateCheckDigit',
  'personalNumberCheckDigit',
  'compositeCheckDigit',
  'documentNumber',
  'birthDate',
  'expirationDate',
]);

/**
 * The fields of a travel document read from its MRZ, or the problems with it. Check digits are
 * errors: an MRZ that fails them was mistyped, and a mistyped number would never be found.
 */
export function travelDocumentFromMrz(mrz: unknown): {
  fields: Record<string, unknown>;
  errors: FieldIssue[];
  /** The holder's sex as printed (the record schema has no field for it; screening uses it). */
  sex?: 'female' | 'male';
} {
  const lines = (Array.isArray(mrz) ? mrz.map(String) : String(mrz).split(/\r?\n/))
    .map((l) => l.trim().toUpperCase().replace(/\s+/g, ''))
    .filter(Boolean);
  let result: ReturnType<typeof parse>;
  try {
    result = parse(lines);
  } catch (e) {
    return {
      fields: {},
      errors: [{ field: 'data.mrz', message: `is not a machine-readable zone: ${(e as Error).message}` }],
    };
  }
  const errors = result.details
    .filter((d) => !d.valid && d.field && CHECKED.has(d.field))
    .map((d) => ({ field: 'data.mrz', message: `${d.label ?? d.field}: ${d.error ?? 'invalid'}` }));
  const f = result.fields;
  const issuing = icaoToAlpha2(f.issuingState);
  if (!issuing)
    errors.push({
      field: 'data.mrz',
      message: `issuing state ${f.issuingState ?? '?'} is not a known country`,
    });
  if (errors.length > 0) return { fields: {}, errors };
  const holder = [f.firstName, f.lastName].filter(Boolean).join(' ');
  return {
    ...(f.sex === 'female' || f.sex === 'male' ? { sex: f.sex } : {}),
    fields: {
      documentNumber: f.documentNumber ?? undefined,
      issuingCountry: issuing,
      type: typeOf(f.documentCode),
      ...(f.expirationDate ? { expiryDate: mrzDate(f.expirationDate, 'expiry') } : {}),
      ...(holder ? { holderName: holder } : {}),
      ...(f.birthDate ? { holderDateOfBirth: mrzDate(f.birthDate, 'birth') } : {}),
      ...(icaoToAlpha2(f.nationality) ? { holderNationality: icaoToAlpha2(f.nationality) } : {}),
    },
    errors: [],
  };
}
