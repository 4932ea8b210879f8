// Builds ICAO 9303 TD3 (passport) machine-readable zones with correct check digits, for tests.
import { mrzCheckDigit } from '../../src/modules/records/databases/check-digits.js';

const pad = (s: string, n: number) => (s + '<'.repeat(n)).slice(0, n);

export function td3(p: {
  issuing: string; // ICAO alpha-3
  surname: string;
  given: string;
  number: string;
  nationality: string;
  birth: string; // YYMMDD
  sex: 'M' | 'F' | '<';
  expiry: string; // YYMMDD
}): string {
  const names = pad(`${p.surname.replace(/ /g, '<')}<<${p.given.replace(/ /g, '<')}`, 39);
  const line1 = `P<${p.issuing}${names}`;
  const doc = pad(p.number, 9);
  const personal = pad('', 14);
  const parts = [
    doc + mrzCheckDigit(doc),
    p.birth + mrzCheckDigit(p.birth),
    p.expiry + mrzCheckDigit(p.expiry),
    personal + mrzCheckDigit(personal),
  ];
  const composite = mrzCheckDigit(parts.join(''));
  const line2 = `${parts[0]}${p.nationality}${parts[1]}${p.sex}${parts[2]}${parts[3]}${composite}`;
  return `${line1}\n${line2}`;
}
