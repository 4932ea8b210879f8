// How the figures read in the console's language: money in its currency (exact, from minor
// units), compact amounts for chart axes, months, and the median time to freeze in hours and
// minutes — all with Intl, so digits, separators and unit names follow the language.
import { directionOf } from '../../lib/i18n';
import { currencyDigits, formatMoney, toDecimal } from './money';

/**
 * Money in the language's form. Right to left, with the ISO code ("USD"): a symbol such as "US$"
 * mixes Latin letters with a neutral sign, which the bidirectional rules display as "$US".
 */
export function formatAmount(minor: string, currency: string, language: string): string {
  if (directionOf(language) !== 'rtl') return formatMoney(minor, currency, language);
  const digits = currencyDigits(currency) ?? 2;
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(toDecimal(minor, currency) as Intl.StringNumericLiteral);
  } catch {
    return formatMoney(minor, currency, language);
  }
}

/** Minor units as a number of major units, for drawing only (a bar's length needs no cent). */
export function toMajorNumber(minor: string, currency: string): number {
  const digits = currencyDigits(currency) ?? 2;
  return Number(BigInt(minor)) / 10 ** digits;
}

/** "US$1.2M", "١٫٢ مليون US$": for axis ticks and bar labels. */
export function formatCompact(major: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      notation: 'compact',
      currencyDisplay: directionOf(language) === 'rtl' ? 'code' : 'symbol',
      maximumFractionDigits: 1,
    }).format(major);
  } catch {
    return `${currency} ${major}`;
  }
}

/** "Jun 2026" from "2026-06". */
export function formatMonth(key: string, language: string): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

const unit = (value: number, u: 'day' | 'hour' | 'minute', language: string) =>
  new Intl.NumberFormat(language, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);

/** "3 hr, 10 min" (or days and hours past two days), in the console's language. */
export function formatMinutes(minutes: number, language: string): string {
  const list = new Intl.ListFormat(language, { style: 'narrow', type: 'unit' });
  if (minutes < 60) return unit(minutes, 'minute', language);
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0
      ? unit(h, 'hour', language)
      : list.format([unit(h, 'hour', language), unit(m, 'minute', language)]);
  }
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  return h === 0
    ? unit(d, 'day', language)
    : list.format([unit(d, 'day', language), unit(h, 'hour', language)]);
}

/** "42 %" of returned over frozen, or null when nothing was frozen. */
export function formatShare(part: string, whole: string, language: string): string | null {
  const w = BigInt(whole);
  if (w === 0n) return null;
  // Per mille in integers, then one decimal of a percent.
  const perMille = Number((BigInt(part) * 1000n) / w);
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
    perMille / 1000,
  );
}
