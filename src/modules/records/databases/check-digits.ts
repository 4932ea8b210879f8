// Check digits of the identifiers the databases hold. Hand-written because they are a few lines
// each and exactly specified; the MRZ check digits come from the `mrz` package.

const VIN_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * ISO 3779 VIN: 17 characters of A–Z (not I, O, Q) and 0–9. The check digit in position 9 is the
 * North-American scheme (49 CFR 565); many countries do not use it, so a wrong one is a warning.
 */
export function vinProblems(vin: string): { error?: string; warning?: string } {
  const v = vin.toUpperCase();
  if (v.length !== 17) {
    return /^[A-Z0-9]{5,16}$/.test(v)
      ? { warning: 'is not 17 characters: accepted as a pre-1981 or non-standard number' }
      : { error: 'must be 17 letters and digits (or a shorter pre-1981 number)' };
  }
  if (/[IOQ]/.test(v)) return { error: 'cannot contain I, O or Q (ISO 3779)' };
  if (!/^[A-Z0-9]{17}$/.test(v)) return { error: 'must contain only letters and digits' };
  const check = vinCheckDigit(v);
  return v[8] === check
    ? {}
    : { warning: `check digit (position 9) should be ${check}; many countries do not use it` };
}

/** The check digit a 17-character VIN (A–Z but I, O, Q; 0–9) should carry in position 9. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    sum += (/\d/.test(c) ? Number(c) : VIN_VALUES[c]!) * VIN_WEIGHTS[i]!;
  }
  return sum % 11 === 10 ? 'X' : String(sum % 11);
}

/** IMO ship number: 7 digits, the last the sum of the first six times 7..2, modulo 10. */
export function imoValid(imo: string): boolean {
  const m = /^(?:IMO\s?)?(\d{7})$/i.exec(imo.trim());
  if (!m) return false;
  const d = m[1]!;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(d[i]) * (7 - i);
  return sum % 10 === Number(d[6]);
}

/** ICAO 9303 check digit of an MRZ field (weights 7, 3, 1; '<' = 0, A = 10 … Z = 35). */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    const value = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * weights[i % 3]!;
  }
  return sum % 10;
}
