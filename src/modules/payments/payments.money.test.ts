// Money is converted with integers only: minor units × a decimal rate, rounded half up to cents.
import { describe, expect, it } from 'vitest';
import { currencyDigits, toUsdCents } from './payments.money.js';

describe('money', () => {
  it('knows the minor digits of ISO 4217 currencies and refuses unknown ones', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(currencyDigits('XYZ')).toBeNull();
  });

  it('converts to US cents exactly, beyond what a float holds', () => {
    expect(toUsdCents(4_200_000_000n, 'USD', '1')).toBe(4_200_000_000n);
    expect(toUsdCents(150_000_000n, 'EUR', '1.0842')).toBe(162_630_000n);
    expect(toUsdCents(1_000_000n, 'JPY', '0.0067')).toBe(670_000n);
    expect(toUsdCents(1_000n, 'KWD', '3.25')).toBe(325n); // 1.000 KWD
    // 90 quadrillion minor units: past 2^53, still exact.
    expect(toUsdCents(90_000_000_000_000_001n, 'USD', '1')).toBe(90_000_000_000_000_001n);
  });

  it('rounds half up', () => {
    expect(toUsdCents(1n, 'EUR', '1.5')).toBe(2n); // 1.5 cents
    expect(toUsdCents(1n, 'EUR', '1.49')).toBe(1n);
    expect(toUsdCents(1n, 'EUR', '1.005')).toBe(1n);
  });
});
