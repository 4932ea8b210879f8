// One transaction of the case form: how much, in what currency, when, from which account, to
// which account at which bank (checked as typed, with the country it routes to), to whom, and
// the payment's reference.
import { ActionIcon, Card, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountCheck } from './accounts';
import { AccountInputs, AmountInput, MONO } from './MoneyInputs';
import { CURRENCIES } from './money';

export interface TransactionDraft {
  /** A stable key for React while transactions are added and removed. */
  key: string;
  amount: string;
  currency: string;
  date: string;
  sendingAccount: string;
  receivingAccount: string;
  receivingBic: string;
  beneficiaryName: string;
  reference: string;
}

export function useCurrencyOptions() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
    } catch {
      names = null;
    }
    return CURRENCIES.map((code) => ({ value: code, label: `${code} — ${names?.of(code) ?? code}` }));
  }, [i18n.language]);
}

export function TransactionFields({
  index,
  draft,
  check,
  onChange,
  onRemove,
  showEmpty,
  serverError,
}: {
  index: number;
  draft: TransactionDraft;
  check: AccountCheck;
  onChange: (patch: Partial<TransactionDraft>) => void;
  onRemove?: () => void;
  showEmpty: boolean;
  /** The server's message for a field of this transaction ("receivingAccount"…), if any. */
  serverError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const currencies = useCurrencyOptions();
  const required = (v: string) => (showEmpty && v.trim() === '' ? t('payments.form.errors.required') : null);
  return (
    <Card withBorder padding="md" data-testid="transaction" data-index={index}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('payments.form.transactionN', { n: index + 1 })}</Text>
        {onRemove && (
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t('payments.form.removeTransaction')}
            title={t('payments.form.removeTransaction')}
            data-testid="remove-transaction"
          >
            ✕
          </ActionIcon>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <AmountInput
          label={t('payments.form.amount')}
          required
          value={draft.amount}
          currency={draft.currency}
          onChange={(amount) => onChange({ amount })}
          showEmpty={showEmpty}
          serverError={serverError('amountMinor')}
          testId="tx-amount"
        />
        <Select
          label={t('payments.form.currency')}
          required
          searchable
          data={currencies}
          value={draft.currency}
          onChange={(v) => v && onChange({ currency: v })}
          allowDeselect={false}
          error={serverError('currency')}
          data-testid="tx-currency"
        />
        <TextInput
          type="date"
          label={t('payments.form.date')}
          required
          value={draft.date}
          onChange={(e) => onChange({ date: e.currentTarget.value })}
          error={required(draft.date) ?? serverError('date')}
          data-testid="tx-date"
        />
        <AccountInputs
          account={draft.receivingAccount}
          bic={draft.receivingBic}
          check={check}
          onAccount={(receivingAccount) => onChange({ receivingAccount })}
          onBic={(receivingBic) => onChange({ receivingBic })}
          accountLabel={t('payments.form.receivingAccount')}
          showEmpty={showEmpty}
          serverErrors={{ account: serverError('receivingAccount'), bic: serverError('receivingBic') }}
          testId="tx-account"
        />
        <TextInput
          label={t('payments.form.beneficiary')}
          required
          value={draft.beneficiaryName}
          onChange={(e) => onChange({ beneficiaryName: e.currentTarget.value })}
          dir="auto"
          error={required(draft.beneficiaryName) ?? serverError('beneficiaryName')}
          data-testid="tx-beneficiary"
        />
        <TextInput
          label={t('payments.form.sendingAccount')}
          value={draft.sendingAccount}
          onChange={(e) => onChange({ sendingAccount: e.currentTarget.value })}
          dir="ltr"
          styles={MONO}
          error={serverError('sendingAccount')}
          data-testid="tx-sending"
        />
        <TextInput
          label={t('payments.form.reference')}
          value={draft.reference}
          onChange={(e) => onChange({ reference: e.currentTarget.value })}
          dir="auto"
          error={serverError('reference')}
          data-testid="tx-reference"
        />
      </SimpleGrid>
    </Card>
  );
}
