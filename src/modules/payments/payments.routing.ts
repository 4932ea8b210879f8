// Each transaction checked (amount, currency, IBAN and BIC with ibantools) and routed: the
// receiving country comes from the IBAN, or from the BIC when the account is not an IBAN.
import { electronicFormatIBAN, extractIBAN, isValidBIC } from 'ibantools';
import type { FieldError } from '../../platform/http/problem.js';
import { currencyDigits, MINOR } from './payments.money.js';
import type { TransactionInput } from './payments.types.js';

export interface RoutedTransaction extends TransactionInput {
  receivingAccount: string; // electronic form (no spaces, upper case) when an IBAN
  receivingCountry: string;
}

const looksLikeIban = (s: string) => /^[A-Z]{2}\d{2}[A-Z0-9 ]{8,}$/i.test(s.trim());

export function routeTransactions(list: TransactionInput[], knownBureau: (code: string) => boolean) {
  const errors: FieldError[] = [];
  const routed: RoutedTransaction[] = [];
  list.forEach((t, i) => {
    const at = (f: string) => `transactions.${i}.${f}`;
    const before = errors.length;
    if (!MINOR.test(t.amountMinor) || t.amountMinor === '0') {
      errors.push({
        field: at('amountMinor'),
        message: 'must be a positive whole number of minor units, e.g. "4200000000" for 42,000,000.00',
      });
    }
    if (currencyDigits(t.currency) === null)
      errors.push({ field: at('currency'), message: `${t.currency} is not an ISO 4217 currency` });
    const bic = t.receivingBic?.replace(/\s+/g, '').toUpperCase();
    if (bic && !isValidBIC(bic)) errors.push({ field: at('receivingBic'), message: 'is not a valid BIC' });
    let account = t.receivingAccount.trim();
    let country: string | undefined;
    if (looksLikeIban(account)) {
      const iban = electronicFormatIBAN(account) ?? account;
      const parsed = extractIBAN(iban);
      if (!parsed.valid)
        errors.push({
          field: at('receivingAccount'),
          message: 'is not a valid IBAN (check digits or length)',
        });
      else {
        account = iban;
        country = parsed.countryCode;
      }
    } else if (bic && isValidBIC(bic)) {
      country = bic.slice(4, 6);
    } else if (!bic) {
      errors.push({
        field: at('receivingBic'),
        message: 'is required when the receiving account is not an IBAN',
      });
    }
    if (country && bic && isValidBIC(bic) && bic.slice(4, 6) !== country) {
      errors.push({
        field: at('receivingBic'),
        message: `is a bank in ${bic.slice(4, 6)}, but the IBAN is of ${country}`,
      });
    }
    if (country && !knownBureau(country)) {
      errors.push({
        field: at('receivingAccount'),
        message: `${country} has no member bureau to receive the request`,
      });
    }
    if (errors.length === before && country) {
      routed.push({ ...t, receivingAccount: account, receivingBic: bic, receivingCountry: country });
    }
  });
  return { routed, errors };
}
