// The receiving bureau records what it found for one transaction: frozen (all, or the amount
// given), partly frozen, moved on (to which account — the server opens a chase to that country),
// account not found, released, or returned to the victim; with a note. Amounts are typed as
// decimals and sent as minor units; the server's field messages are shown on their fields.
import { Alert, Button, Group, Modal, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { checkAccount, routes } from './accounts';
import { AccountInputs, AmountInput } from './MoneyInputs';
import { formatMoney, toDecimal, toMinor } from './money';
import { useMemberBureaus } from './PaymentBadges';
import {
  OUTCOMES,
  type OutcomeBody,
  type PaymentTransaction,
  paymentsApi,
  type RecordedOutcome,
} from './paymentsApi';

export function OutcomeModal({
  transaction,
  opened,
  onClose,
}: {
  transaction: PaymentTransaction;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const members = useMemberBureaus();
  const { currency } = transaction;
  const whole = toDecimal(transaction.amountMinor, currency);
  const frozenSoFar = transaction.frozenMinor !== '0' ? toDecimal(transaction.frozenMinor, currency) : whole;
  const [outcome, setOutcome] = useState<RecordedOutcome | null>(null);
  const [frozen, setFrozen] = useState(whole);
  const [partly, setPartly] = useState('');
  const [frozenBeforeMove, setFrozenBeforeMove] = useState('');
  const [returned, setReturned] = useState(frozenSoFar);
  const [account, setAccount] = useState('');
  const [bic, setBic] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const check = useMemo(
    () => checkAccount(account, bic, (c) => members?.has(c) ?? true),
    [account, bic, members],
  );

  const save = useMutation({
    mutationFn: (body: OutcomeBody) => paymentsApi.outcome(transaction.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['payments'] });
      onClose();
    },
  });
  const serverError = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;

  /** The body for the chosen outcome, or null while something it needs is missing or wrong. */
  const body = (): OutcomeBody | null => {
    if (!outcome) return null;
    const base: OutcomeBody = { outcome, ...(note.trim() ? { note: note.trim() } : {}) };
    const minor = (typed: string, allowZero = false) => {
      const r = toMinor(typed, currency, allowZero);
      return 'minor' in r ? r.minor : null;
    };
    switch (outcome) {
      case 'frozen': {
        const m = minor(frozen);
        return m ? { ...base, frozenMinor: m } : null;
      }
      case 'partly_frozen': {
        const m = minor(partly);
        return m ? { ...base, frozenMinor: m } : null;
      }
      case 'moved_on': {
        if (!routes(check)) return null;
        const m = frozenBeforeMove.trim() === '' ? '0' : minor(frozenBeforeMove, true);
        if (m === null) return null;
        return {
          ...base,
          frozenMinor: m,
          movedToAccount: check.account,
          ...(check.bic ? { movedToBic: check.bic } : {}),
        };
      }
      case 'returned': {
        const m = minor(returned);
        return m ? { ...base, returnedMinor: m } : null;
      }
      default:
        return base;
    }
  };

  const submit = () => {
    setTried(true);
    const b = body();
    if (b && !save.isPending) save.mutate(b);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('payments.outcome.title', {
        n: transaction.seq,
        amount: formatMoney(transaction.amountMinor, currency, i18n.language),
      })}
    >
      <Stack data-testid="outcome-form">
        <Radio.Group
          label={t('payments.outcome.what')}
          value={outcome}
          onChange={(v) => setOutcome(v as RecordedOutcome)}
          error={tried && !outcome ? t('payments.form.errors.required') : undefined}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {OUTCOMES.map((o) => (
              <Radio
                key={o}
                value={o}
                label={t(`payments.outcomes.${o}`)}
                data-testid={`outcome-choice-${o}`}
              />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {outcome && (
          <Text size="sm" c="dimmed">
            {t(`payments.outcome.help.${outcome}`)}
          </Text>
        )}
        {outcome === 'frozen' && (
          <AmountInput
            label={t('payments.outcome.frozenAmount')}
            required
            value={frozen}
            currency={currency}
            onChange={setFrozen}
            showEmpty={tried}
            serverError={serverError('frozenMinor')}
            testId="outcome-frozen"
          />
        )}
        {outcome === 'partly_frozen' && (
          <AmountInput
            label={t('payments.outcome.frozenAmount')}
            required
            value={partly}
            currency={currency}
            onChange={setPartly}
            showEmpty={tried}
            serverError={serverError('frozenMinor')}
            testId="outcome-frozen"
          />
        )}
        {outcome === 'moved_on' && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <AccountInputs
                account={account}
                bic={bic}
                check={check}
                onAccount={setAccount}
                onBic={setBic}
                accountLabel={t('payments.outcome.movedToAccount')}
                showEmpty={tried}
                serverErrors={{ account: serverError('movedToAccount'), bic: serverError('movedToBic') }}
                testId="outcome-account"
              />
            </SimpleGrid>
            <AmountInput
              label={t('payments.outcome.frozenBeforeMove')}
              value={frozenBeforeMove}
              currency={currency}
              onChange={setFrozenBeforeMove}
              allowZero
              serverError={serverError('frozenMinor')}
              testId="outcome-frozen"
            />
          </>
        )}
        {outcome === 'returned' && (
          <AmountInput
            label={t('payments.outcome.returnedAmount')}
            required
            value={returned}
            currency={currency}
            onChange={setReturned}
            showEmpty={tried}
            serverError={serverError('returnedMinor')}
            testId="outcome-returned"
          />
        )}
        <Textarea
          label={t('payments.outcome.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          dir="auto"
          data-testid="outcome-note"
        />
        {save.error && (
          <Alert color="red" data-testid="outcome-error">
            {save.error instanceof ApiError ? save.error.detail : t('payments.form.unreachable')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="outcome-submit">
            {t('payments.outcome.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
