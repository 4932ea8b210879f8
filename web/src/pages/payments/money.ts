// Money in the console: what an officer types ("42 000 000,50") turned into integer minor units
// by string arithmetic, and minor units shown in the currency's own form. Never a float: a
// double cannot hold every amount of 20 digits, and a cent lost is a cent the victim never sees.
// The number of decimals is ISO 4217's (currency-codes, as the server), not the browser's.
import cc from 'currency-codes';

export function currencyDigits(code: string): number | null {
  const c = cc.code(code);
  return c ? c.digits : null;
}

/** Every ISO 4217 code, sorted. */
export const CURRENCIES: string[] = cc.codes().slice().sort();

/** The server's limit: at most 20 digits of minor units. */
const MAX_MINOR_DIGITS = 20;

export type AmountError = 'empty' | 'format' | 'decimals' | 'zero' | 'tooLarge' | 'currency';

/** Arabic-Indic and Persian digits, and the Arabic decimal and group separators, as ASCII. */
function asciiDigits(s: string): string {
  return s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066B/g, '.')
    .replace(/\u066C/g, ',');
}

/**
 * A typed decimal amount as minor units of `currency`. Spaces and apostrophes group digits;
 * with both "." and "," present the last one is the decimal mark; a single mark of one kind is
 * the decimal mark, so "1,000" in dollars is refused (three decimals) rather than guessed.
 */
export function toMinor(
  typed: string,
  currency: string,
  allowZero = false,
): { minor: string } | { error: AmountError } {
  const digits = currencyDigits(currency);
  if (digits === null) return { error: 'currency' };
  const s = asciiDigits(typed).replace(/[\s\u00A0\u202F'’_]/g, '');
  if (s === '') return { error: 'empty' };
  if (!/^[\d.,]+$/.test(s)) return { error: 'format' };
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let whole: string;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const mark = lastDot > lastComma ? '.' : ',';
    const group = mark === '.' ? ',' : '.';
    const at = s.lastIndexOf(mark);
    if (s.slice(at + 1).includes(group)) return { error: 'format' };
    whole = s.slice(0, at).split(group).join('');
    fraction = s.slice(at + 1);
    if (whole.includes(mark)) return { error: 'format' };
  } else {
    const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
    const pieces = mark ? s.split(mark) : [s];
    if (pieces.length > 2) {
      whole = pieces.join(''); // "1.000.000": only grouping
    } else {
      whole = pieces[0]!;
      fraction = pieces[1] ?? '';
    }
  }
  if (whole === '' && fraction === '') return { error: 'format' };
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) return { error: 'format' };
  if (fraction.length > digits) return { error: 'decimals' };
  const minor = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '') || '0';
  if (minor.length > MAX_MINOR_DIGITS) return { error: 'tooLarge' };
  if (minor === '0' && !allowZero) return { error: 'zero' };
  return { minor };
}

/** Minor units as a plain decimal string: "4200000050" in USD → "42000000.50". */
export function toDecimal(minor: string, currency: string): string {
  const digits = currencyDigits(currency) ?? 2;
  const n = BigInt(minor);
  if (digits === 0) return n.toString();
  const scale = 10n ** BigInt(digits);
  return `${n / scale}.${(n % scale).toString().padStart(digits, '0')}`;
}

/**
 * "US$42,000,000.50" in the console's language. Intl formats the decimal string itself (not a
 * number made of it), so even 20 digits keep every cent.
 */
export function formatMoney(minor: string, currency: string, language: string): string {
  const digits = currencyDigits(currency) ?? 2;
  const decimal = toDecimal(minor, currency) as Intl.StringNumericLiteral;
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(decimal);
  } catch {
    return `${currency} ${decimal}`;
  }
}
