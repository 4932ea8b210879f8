// Builds ICAO 9303 machine-readable zones (TD1, TD2, TD3) with correct check digits, for tests.
import { mrzCheckDigit } from '../../src/modules/records/databases/check-digits.js';

export interface MrzHolder {
  issuing: string; // ICAO code, padded to 3 with '<' where shorter (D<<)
  surname: string;
  given: string;
  number: string;
  nationality: string;
  birth: string; // YYMMDD
  sex: 'M' | 'F' | '<';
  expiry: string; // YYMMDD
}

const pad = (s: string, n: number) => (s + '<'.repeat(n)).slice(0, n);
/** A field followed by its check digit. */
const checked = (field: string) => field + mrzCheckDigit(field);
/** SURNAME<<GIVEN<NAMES, padded to the zone's width. */
const names = (p: MrzHolder, width: number) =>
  pad(`${p.surname.replace(/ /g, '<')}<<${p.given.replace(/ /g, '<')}`, width);

/** TD3 (two lines of 44): passports. */
export function td3(p: MrzHolder): string {
  const parts = [checked(pad(p.number, 9)), checked(p.birth), checked(p.expiry), checked(pad('', 14))];
  const composite = mrzCheckDigit(parts.join(''));
  const line2 = `${parts[0]}${p.nationality}${parts[1]}${p.sex}${parts[2]}${parts[3]}${composite}`;
  return `P<${p.issuing}${names(p, 39)}\n${line2}`;
}

/** TD2 (two lines of 36): identity cards and some visas. */
export function td2(p: MrzHolder): string {
  const optional = pad('', 7);
  const parts = [checked(pad(p.number, 9)), checked(p.birth), checked(p.expiry)];
  const composite = mrzCheckDigit(parts.join('') + optional);
  const line2 = `${parts[0]}${p.nationality}${parts[1]}${p.sex}${parts[2]}${optional}${composite}`;
  return `I<${p.issuing}${names(p, 31)}\n${line2}`;
}

/** TD1 (three lines of 30): identity cards. */
export function td1(p: MrzHolder): string {
  const line1 = `I<${p.issuing}${checked(pad(p.number, 9))}${pad('', 15)}`;
  const [birth, expiry, optional2] = [checked(p.birth), checked(p.expiry), pad('', 11)];
  const composite = mrzCheckDigit(line1.slice(5, 30) + birth + expiry + optional2);
  const line2 = `${birth}${p.sex}${expiry}${p.nationality}${optional2}${composite}`;
  return `${line1}\n${line2}\n${names(p, 30)}`;
}
