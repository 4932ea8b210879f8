// The console's money and account checks, without a browser: typed decimals become minor units
// by string arithmetic (20 digits exact, ISO 4217 decimals, ambiguous marks refused rather than
// guessed), minor units are shown to the cent, and accounts route as the server routes them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAccount, displayAccount, routes } from '../../web/src/pages/payments/accounts.js';
import { formatDuration } from '../../web/src/pages/payments/clock.js';
import { formatMoney, toDecimal, toMinor } from '../../web/src/pages/payments/money.js';

const members = new Set(['NG', 'BR', 'JO', 'FR', 'DE']);
const hasBureau = (c: string) => members.has(c);

describe('amounts typed as decimals', () => {
  it.each([
    ['42000000.00', 'USD', '4200000000'],
    ['42 000 000,50', 'USD', '4200000050'],
    ['42,000,000.5', 'USD', '4200000050'],
    ['42.000.000,5', 'EUR', '4200000050'],
    ['1.000.000', 'EUR', '100000000'],
    ['12345', 'JPY', '12345'],
    ['1.234', 'IQD', '1234'], // three decimals
    ['٤٢٫٥', 'USD', '4250'], // Arabic-Indic digits and decimal mark
    ['0.01', 'USD', '1'],
    ['99999999999999999.99', 'USD', '9999999999999999999'],
  ])('%s %s → %s minor units', (typed, currency, minor) => {
    expect(toMinor(typed, currency)).toEqual({ minor });
  });

  it.each([
    ['', 'USD', 'empty'],
    ['1,000', 'USD', 'decimals'], // one mark is the decimal mark: three decimals are refused, not read as 1000
    ['12.5', 'JPY', 'decimals'],
    ['12a', 'USD', 'format'],
    ['-5', 'USD', 'format'],
    ['1.000,00.5', 'EUR', 'format'],
    ['0,00', 'USD', 'zero'],
    ['123456789012345678901', 'JPY', 'tooLarge'],
    ['5', 'XYZ', 'currency'],
  ])('%s %s is refused (%s)', (typed, currency, error) => {
    expect(toMinor(typed, currency)).toEqual({ error });
  });

  it('keeps every digit of any amount, there and back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 19n }), (n) => {
        const minor = n.toString();
        expect(toMinor(toDecimal(minor, 'USD'), 'USD')).toEqual({ minor });
        expect(toMinor(toDecimal(minor, 'JPY'), 'JPY')).toEqual({ minor });
      }),
    );
  });

  it('shows minor units in the currency to the last cent', () => {
    expect(formatMoney('4200000050', 'USD', 'en')).toBe('$42,000,000.50');
    expect(formatMoney('9999999999999999999', 'USD', 'en')).toBe('$99,999,999,999,999,999.99');
    expect(formatMoney('150000000', 'EUR', 'fr').replace(/\s/g, ' ')).toBe('1 500 000,00 €');
    expect(formatMoney('1234', 'IQD', 'en')).toMatch(/1\.234$/);
  });
});

describe('accounts and banks as typed', () => {
  it('normalises a pasted IBAN and routes it to its country', () => {
    expect(displayAccount('br18 0036 0305 0000 1000 9795 493c 1')).toBe(
      'BR18 0036 0305 0000 1000 9795 493C 1',
    );
    const c = checkAccount('br18 0036 0305 0000 1000 9795 493c 1', '', hasBureau);
    expect(c).toMatchObject({ account: 'BR1800360305000010009795493C1', country: 'BR', isIban: true });
    expect(routes(c)).toBe(true);
  });

  it('names what is wrong, on the field at fault', () => {
    expect(checkAccount('DE89 3704 0044 0532 0130 01', '', hasBureau).accountError).toBe('iban');
    expect(checkAccount('0123456789', '', hasBureau).bicError).toBe('bicRequired');
    expect(checkAccount('0123456789', 'FBNINGL', hasBureau).bicError).toBe('bic');
    expect(checkAccount('JO94CBJO0010000000000131000302', 'FBNINGLA', hasBureau)).toMatchObject({
      bicError: 'bicCountry',
      bicCountry: 'NG',
      country: 'JO',
    });
    expect(checkAccount('GB82 WEST 1234 5698 7654 32', '', hasBureau)).toMatchObject({
      accountError: 'noBureau',
      country: 'GB',
    });
  });

  it('routes an account number by its bank', () => {
    const c = checkAccount(' 0123456789 ', 'fbni ngla', hasBureau);
    expect(c).toMatchObject({ account: '0123456789', bic: 'FBNINGLA', country: 'NG', isIban: false });
    expect(routes(c)).toBe(true);
  });
});

describe('the clock', () => {
  it('says the two largest units, rounded down', () => {
    expect(formatDuration((3 * 60 + 20) * 60_000 + 59_000, 'en')).toBe('3 hr 20 min');
    expect(formatDuration(-(2 * 24 * 60 + 4 * 60 + 7) * 60_000, 'en')).toBe('2 days 4 hr');
    expect(formatDuration(7 * 60_000, 'en')).toBe('7 min');
    expect(formatDuration(59_000, 'en')).toBeNull();
  });
});
