// Opening a case (the victim's bureau): the fraud, the victim, when it was reported, and the
// transactions, each checked as typed and routed to its receiving country. One Idempotency-Key
// per form: a double click, or a retry after the answer was lost, opens one case. The server
// checks everything again; the fields it names are marked where they are.
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, type FieldError, idempotencyKey } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useBureaus } from '../messages/useBureaus';
import { checkAccount, routes } from './accounts';
import { toMinor } from './money';
import { useCountryName, useListFormat, useMemberBureaus } from './PaymentBadges';
import { FRAUD_TYPES, type FraudType, mayOpenCases, type OpenCaseBody, paymentsApi } from './paymentsApi';
import { type TransactionDraft, TransactionFields } from './TransactionFields';

const today = () => new Date().toISOString().slice(0, 10);
/** The current minute in UTC, as a datetime-local input shows it (the console speaks UTC). */
const thisMinute = () => new Date().toISOString().slice(0, 16);

let drafts = 0;
const emptyTransaction = (currency = 'USD'): TransactionDraft => ({
  key: `tx-${++drafts}`,
  amount: '',
  currency,
  date: today(),
  sendingAccount: '',
  receivingAccount: '',
  receivingBic: '',
  beneficiaryName: '',
  reference: '',
});

/** The server's names of a draft's fields (the amount is sent as minor units). */
const SERVER_FIELD: Record<string, string[]> = {
  amount: ['amountMinor'],
  currency: ['currency', 'amountMinor'],
  receivingAccount: ['receivingAccount', 'receivingBic'],
  receivingBic: ['receivingBic', 'receivingAccount'],
};

const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());

export function NewPaymentCasePage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const bureaus = useBureaus();
  const members = useMemberBureaus();
  const country = useCountryName();
  const list = useListFormat();
  // Generated once for this form: every send of it is the same request to the server.
  const [key] = useState(idempotencyKey);
  const [fraudType, setFraudType] = useState<FraudType | null>(null);
  const [victimKind, setVictimKind] = useState<'person' | 'company'>('company');
  const [victimName, setVictimName] = useState('');
  const [victimCountry, setVictimCountry] = useState<string | null>(principal?.bureau.code ?? null);
  const [reportedAt, setReportedAt] = useState(thisMinute);
  const [summary, setSummary] = useState('');
  const [transactions, setTransactions] = useState<TransactionDraft[]>(() => [emptyTransaction()]);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);

  const checks = useMemo(
    () =>
      transactions.map((d) =>
        checkAccount(d.receivingAccount, d.receivingBic, (c) => members?.has(c) ?? true),
      ),
    [transactions, members],
  );
  const destinations = [...new Set(checks.filter(routes).map((c) => c.country!))];

  const open = useMutation({
    mutationFn: (body: OpenCaseBody) => paymentsApi.open(body, key),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: ['payments'] });
      navigate(`/payments/cases/${id}`);
    },
    onError: (e) => setServerErrors(e instanceof ApiError ? e.errors : []),
  });

  if (!mayOpenCases(principal)) {
    return (
      <Stack maw={720}>
        <Title order={2}>{t('payments.new')}</Title>
        <Alert color="gray" data-testid="payments-not-allowed">
          {t('payments.form.notAllowed')}
        </Alert>
      </Stack>
    );
  }

  const serverError = (field: string) =>
    serverErrors.find((e) => e.field === field || e.field === `body.${field}`)?.message;
  const clear = (...fields: string[]) =>
    setServerErrors((list) => list.filter((e) => !fields.includes(e.field.replace(/^body\./, ''))));

  const change = (i: number, patch: Partial<TransactionDraft>) => {
    setTransactions((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));
    clear(
      ...Object.keys(patch).flatMap((k) => (SERVER_FIELD[k] ?? [k]).map((f) => `transactions.${i}.${f}`)),
    );
  };
  const remove = (i: number) => {
    setTransactions((list) => list.filter((_, j) => j !== i));
    // The server's errors name transactions by position, which has just changed.
    setServerErrors((list) => list.filter((e) => !/^(body\.)?transactions\./.test(e.field)));
  };

  const amounts = transactions.map((d) => toMinor(d.amount, d.currency));
  const complete =
    fraudType !== null &&
    victimName.trim() !== '' &&
    reportedAt !== '' &&
    transactions.every(
      (d, i) =>
        'minor' in amounts[i]! && d.date !== '' && d.beneficiaryName.trim() !== '' && routes(checks[i]!),
    );

  const submit = () => {
    setTried(true);
    if (!complete || open.isPending) return;
    open.mutate({
      fraudType: fraudType!,
      victim: {
        kind: victimKind,
        name: victimName.trim(),
        ...(victimCountry ? { country: victimCountry } : {}),
      },
      reportedAt: `${reportedAt}:00.000Z`,
      summary: optional(summary),
      transactions: transactions.map((d, i) => ({
        amountMinor: (amounts[i] as { minor: string }).minor,
        currency: d.currency,
        date: d.date,
        sendingAccount: optional(d.sendingAccount),
        receivingAccount: checks[i]!.account,
        receivingBic: optional(checks[i]!.bic),
        beneficiaryName: d.beneficiaryName.trim(),
        reference: optional(d.reference),
      })),
    });
  };

  const failure = open.error;
  return (
    <Stack maw={1200} data-testid="payment-form">
      <Stack gap={2}>
        <Title order={2} data-testid="payment-form-title">
          {t('payments.new')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('payments.form.intro')}
        </Text>
      </Stack>

      <Card withBorder padding="md">
        <Text fw={600} mb="xs">
          {t('payments.form.caseSection')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Select
            label={t('payments.form.fraudType')}
            required
            data={FRAUD_TYPES.map((v) => ({ value: v, label: t(`payments.fraudTypes.${v}`) }))}
            value={fraudType}
            onChange={(v) => {
              setFraudType(v as FraudType | null);
              clear('fraudType');
            }}
            error={
              (tried && !fraudType ? t('payments.form.errors.required') : null) ?? serverError('fraudType')
            }
            data-testid="case-fraud-type"
          />
          <TextInput
            type="datetime-local"
            label={t('payments.form.reportedAt')}
            description={t('payments.form.reportedAtHint')}
            required
            value={reportedAt}
            onChange={(e) => {
              setReportedAt(e.currentTarget.value);
              clear('reportedAt');
            }}
            error={
              (tried && !reportedAt ? t('payments.form.errors.required') : null) ?? serverError('reportedAt')
            }
            data-testid="case-reported-at"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('payments.form.victimKind')}
            </Text>
            <SegmentedControl
              value={victimKind}
              onChange={(v) => setVictimKind(v as 'person' | 'company')}
              data={[
                { value: 'company', label: t('payments.victimKinds.company') },
                { value: 'person', label: t('payments.victimKinds.person') },
              ]}
              data-testid="case-victim-kind"
            />
          </Stack>
          <TextInput
            label={t('payments.form.victimName')}
            required
            value={victimName}
            onChange={(e) => {
              setVictimName(e.currentTarget.value);
              clear('victim.name');
            }}
            dir="auto"
            error={
              (tried && victimName.trim() === '' ? t('payments.form.errors.required') : null) ??
              serverError('victim.name')
            }
            data-testid="case-victim-name"
          />
          <Select
            label={t('payments.form.victimCountry')}
            searchable
            clearable
            data={bureaus.members}
            value={victimCountry}
            onChange={setVictimCountry}
            error={serverError('victim.country')}
            data-testid="case-victim-country"
          />
          <Textarea
            label={t('payments.form.summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
            dir="auto"
            error={serverError('summary')}
            data-testid="case-summary"
          />
        </SimpleGrid>
      </Card>

      {transactions.map((d, i) => (
        <TransactionFields
          key={d.key}
          index={i}
          draft={d}
          check={checks[i]!}
          onChange={(patch) => change(i, patch)}
          onRemove={transactions.length > 1 ? () => remove(i) : undefined}
          showEmpty={tried}
          serverError={(f) => serverError(`transactions.${i}.${f}`)}
        />
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() =>
            setTransactions((list) => [...list, emptyTransaction(list[list.length - 1]?.currency)])
          }
          disabled={transactions.length >= 100}
          data-testid="add-transaction"
        >
          {t('payments.form.addTransaction')}
        </Button>
      </Group>

      {failure && (
        <Alert color="red" data-testid="payment-form-error">
          {failure instanceof ApiError
            ? failure.errors.length > 0
              ? t('payments.form.fixFields')
              : failure.detail
            : t('payments.form.unreachable')}
        </Alert>
      )}
      {tried && !complete && !failure && (
        <Alert color="orange" data-testid="payment-form-incomplete">
          {t('payments.form.incomplete')}
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" data-testid="routing-summary">
          {destinations.length > 0
            ? t('payments.form.goesTo', { countries: list(destinations.map(country)) })
            : t('payments.form.goesNowhere')}
        </Text>
        <Group>
          {open.isPending && <Loader size="sm" />}
          <Button onClick={submit} loading={open.isPending} data-testid="case-submit">
            {t('payments.form.submit')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
