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

/** TD2 (two lines of 36): identity cards and some visas. */
export function td2(p: {
  issuing: string;
  surname: string;
  given: string;
  number: string;
  nationality: string;
  birth: string;
  sex: 'M' | 'F' | '<';
  expiry: string;
}): string {
  const line1 = `I<${p.issuing}${pad(`${p.surname.replace(/ /g, '<')}<<${p.given.replace(/ /g, '<')}`, 31)}`;
  const doc = pad(p.number, 9);
  const optional = pad('', 7);
  const parts = [
    doc + mrzCheckDigit(doc),
    p.birth + mrzCheckDigit(p.birth),
    p.expiry + mrzCheckDigit(p.expiry),
  ];
  const composite = mrzCheckDigit(parts[0]! + parts[1]! + parts[2]! + optional);
  return `${line1}\n${parts[0]}${p.nationality}${parts[1]}${p.sex}${parts[2]}${optional}${composite}`;
}

/** TD1 (three lines of 30): identity cards. */
export function td1(p: {
  issuing: string;
  surname: string;
  given: string;
  number: string;
  nationality: string;
  birth: string;
  sex: 'M' | 'F' | '<';
  expiry: string;
}): string {
  const doc = pad(p.number, 9);
  const line1 = `I<${p.issuing}${doc}${mrzCheckDigit(doc)}${pad('', 15)}`;
  const birth = p.birth + mrzCheckDigit(p.birth);
  const expiry = p.expiry + mrzCheckDigit(p.expiry);
  const optional2 = pad('', 11);
  const composite = mrzCheckDigit(line1.slice(5, 30) + birth + expiry + optional2);
  const line2 = `${birth}${p.sex}${expiry}${p.nationality}${optional2}${composite}`;
  const line3 = pad(`${p.surname.replace(/ /g, '<')}<<${p.given.replace(/ /g, '<')}`, 30);
  return `${line1}\n${line2}\n${line3}`;
}
