// The receiving account and bank checked as the officer types, with the rules the server routes
// by (src/modules/payments/payments.routing.ts): an IBAN is normalised and checked (ibantools)
// and gives the country; an account number needs a BIC, whose country routes it; a BIC of
// another country than the IBAN's is refused; the country must have a member bureau.
import { electronicFormatIBAN, extractIBAN, friendlyFormatIBAN, isValidBIC } from 'ibantools';

export type AccountError = 'iban' | 'noBureau';
export type BicError = 'bic' | 'bicRequired' | 'bicCountry';

export interface AccountCheck {
  /** What to send: an IBAN in electronic form, else the account as typed (trimmed). */
  account: string;
  bic: string;
  isIban: boolean;
  /** The country the account (or its bank) is in; it routes there only when `routes` says so. */
  country: string | null;
  accountError: AccountError | null;
  bicError: BicError | null;
  /** The other country the BIC names, for the "bicCountry" message. */
  bicCountry: string | null;
}

const looksLikeIban = (s: string) => /^[A-Z]{2}\d{2}[A-Z0-9 ]{8,}$/i.test(s.trim());

/** The BIC as it is sent: no spaces, upper case. */
export const normaliseBic = (bic: string) => bic.replace(/\s+/g, '').toUpperCase();

/**
 * How a pasted account reads best in its field: a valid IBAN in groups of four, upper case
 * ("br18 0036…" → "BR18 0036 …"); anything else as typed.
 */
export function displayAccount(typed: string): string {
  if (!looksLikeIban(typed)) return typed;
  const iban = electronicFormatIBAN(typed);
  if (iban && extractIBAN(iban).valid) return friendlyFormatIBAN(iban) ?? typed;
  return typed.toUpperCase();
}

/** Checks an account and bank; an empty account is left for "required" to answer. */
export function checkAccount(
  typedAccount: string,
  typedBic: string,
  hasBureau: (country: string) => boolean,
): AccountCheck {
  const bic = normaliseBic(typedBic);
  const bicValid = bic !== '' && isValidBIC(bic);
  const out: AccountCheck = {
    account: typedAccount.trim(),
    bic,
    isIban: false,
    country: null,
    accountError: null,
    bicError: bic !== '' && !bicValid ? 'bic' : null,
    bicCountry: null,
  };
  if (out.account === '') return out;
  if (looksLikeIban(out.account)) {
    out.isIban = true;
    const iban = electronicFormatIBAN(out.account) ?? out.account;
    const parsed = extractIBAN(iban);
    if (!parsed.valid) out.accountError = 'iban';
    else {
      out.account = iban;
      out.country = parsed.countryCode ?? null;
    }
  } else if (bicValid) {
    out.country = bic.slice(4, 6);
  } else if (bic === '') {
    out.bicError = 'bicRequired';
  }
  if (out.country && bicValid && bic.slice(4, 6) !== out.country) {
    out.bicError = 'bicCountry';
    out.bicCountry = bic.slice(4, 6);
  }
  if (out.country && !hasBureau(out.country)) out.accountError = 'noBureau';
  return out;
}

/** Whether an account and bank route somewhere without an error. */
export const routes = (c: AccountCheck) => Boolean(c.country) && !c.accountError && !c.bicError;
