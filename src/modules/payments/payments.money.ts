// Money as integer minor units (text on the wire and in the database, BigInt in code) with an
// ISO 4217 code; never a float. The number of minor digits comes from currency-codes.
import cc from 'currency-codes';

export function currencyDigits(code: string): number | null {
  const c = cc.code(code);
  return c ? c.digits : null;
}

/** A non-negative integer amount of minor units, as text: "4200000000" is USD 42 million. */
export const MINOR = /^(0|[1-9]\d{0,19})$/;

export const minor = (s: string) => BigInt(s);

/**
 * Minor units of `currency` converted to US cents with a decimal rate ("1.0842" USD per unit),
 * in integer arithmetic, rounded half up.
 */
export function toUsdCents(amountMinor: bigint, currency: string, usdPerUnit: string): bigint {
  const digits = currencyDigits(currency) ?? 2;
  const [whole, frac = ''] = usdPerUnit.split('.');
  const scale = 10n ** BigInt(frac.length);
  const rate = BigInt(whole!) * scale + BigInt(frac || '0');
  // amount / 10^digits units × rate / scale dollars × 100 cents
  const numerator = amountMinor * rate * 100n;
  const denominator = 10n ** BigInt(digits) * scale;
  return (numerator * 2n + denominator) / (2n * denominator);
}
