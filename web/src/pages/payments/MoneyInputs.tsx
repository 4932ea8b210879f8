// The inputs of money and accounts, shared by the case form and the outcome form: an amount typed
// as a decimal and shown back in the currency's form (what will be sent, to the cent), and a
// receiving account with its bank, checked as typed and saying where the request will go.
import { Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AccountCheck, displayAccount } from './accounts';
import { currencyDigits, formatMoney, toMinor } from './money';
import { useCountryName } from './PaymentBadges';

/** Account numbers and BICs in a monospace font (the input only, not its label). */
export const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** The message for an amount, or null when it reads as minor units. */
export function amountError(
  t: (k: string, o?: Record<string, unknown>) => string,
  typed: string,
  currency: string,
  allowZero = false,
): string | null {
  const r = toMinor(typed, currency, allowZero);
  if ('minor' in r) return null;
  return t(`payments.form.errors.amount.${r.error}`, { digits: currencyDigits(currency) ?? 0, currency });
}

export function AmountInput({
  label,
  value,
  currency,
  onChange,
  required,
  showEmpty,
  allowZero,
  serverError,
  testId,
}: {
  label: string;
  value: string;
  currency: string;
  onChange: (v: string) => void;
  required?: boolean;
  /** Say "required" for an empty field (once the officer tried to send). */
  showEmpty?: boolean;
  allowZero?: boolean;
  serverError?: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const parsed = toMinor(value, currency, allowZero);
  const local =
    value.trim() === ''
      ? showEmpty
        ? t('payments.form.errors.required')
        : null
      : amountError(t, value, currency, allowZero);
  return (
    <TextInput
      label={label}
      required={required}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      inputMode="decimal"
      dir="ltr"
      error={local ?? serverError}
      description={
        'minor' in parsed ? (
          <span data-testid={`${testId}-preview`}>
            {t('payments.form.amountReads', { amount: formatMoney(parsed.minor, currency, i18n.language) })}
          </span>
        ) : (
          t('payments.form.amountHint', { digits: currencyDigits(currency) ?? 0 })
        )
      }
      data-testid={testId}
    />
  );
}

export function AccountInputs({
  account,
  bic,
  check,
  onAccount,
  onBic,
  accountLabel,
  showEmpty,
  serverErrors,
  testId,
}: {
  account: string;
  bic: string;
  check: AccountCheck;
  onAccount: (v: string) => void;
  onBic: (v: string) => void;
  accountLabel: string;
  showEmpty?: boolean;
  serverErrors: { account?: string; bic?: string };
  testId: string;
}) {
  const { t } = useTranslation();
  const country = useCountryName();
  const accountError =
    check.accountError === 'iban'
      ? t('payments.form.errors.iban')
      : check.accountError === 'noBureau'
        ? t('payments.form.errors.noBureau', { country: country(check.country ?? '') })
        : account.trim() === '' && showEmpty
          ? t('payments.form.errors.required')
          : null;
  const bicError =
    check.bicError === 'bic'
      ? t('payments.form.errors.bic')
      : check.bicError === 'bicRequired' && (account.trim() !== '' || showEmpty)
        ? t('payments.form.errors.bicRequired')
        : check.bicError === 'bicCountry'
          ? t('payments.form.errors.bicCountry', {
              bank: country(check.bicCountry ?? ''),
              account: country(check.country ?? ''),
            })
          : null;
  const routesTo = check.country && !check.accountError && !check.bicError ? check.country : null;
  return (
    <>
      <TextInput
        label={accountLabel}
        required
        value={account}
        // A pasted IBAN ("br18 0036 …", in groups or not) is shown normalised at once.
        onChange={(e) => onAccount(displayAccount(e.currentTarget.value))}
        dir="ltr"
        styles={MONO}
        error={accountError ?? serverErrors.account}
        description={
          routesTo ? (
            <Text span size="xs" fw={600} c="teal.8" data-testid={`${testId}-routes`} data-country={routesTo}>
              {t('payments.form.routesTo', { country: country(routesTo) })}
            </Text>
          ) : (
            t('payments.form.accountHint')
          )
        }
        data-testid={testId}
      />
      <TextInput
        label={t('payments.form.bic')}
        value={bic}
        onChange={(e) => onBic(e.currentTarget.value.toUpperCase())}
        dir="ltr"
        styles={MONO}
        maxLength={14}
        error={bicError ?? serverErrors.bic}
        description={check.isIban ? t('payments.form.bicOptional') : t('payments.form.bicHint')}
        data-testid={`${testId}-bic`}
      />
    </>
  );
}
