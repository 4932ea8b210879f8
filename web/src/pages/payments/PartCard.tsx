// One receiving country's part of a case: its status, the acknowledgement and answer clocks, the
// unit it went to, what its bureau may do now, and its transactions with what was found for
// each (amounts in their currency; money that moved on links to the chase where the reader may
// follow it).
import { Anchor, Badge, Button, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../lib/format';
import { displayAccount } from './accounts';
import { useNow } from './clock';
import { formatMoney } from './money';
import { OutcomeModal } from './OutcomeModal';
import { PartActions } from './PartActions';
import { DueClock, OutcomeBadge, PartStatusBadge, useCountryName } from './PaymentBadges';
import type { PaymentPart, PaymentStep, PaymentTransaction } from './paymentsApi';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
    </div>
  );
}

function TransactionCard({
  transaction: x,
  mayRecord,
  mayFollow,
}: {
  transaction: PaymentTransaction;
  mayRecord: boolean;
  mayFollow: boolean;
}) {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  const [recording, setRecording] = useState(false);
  const money = (minor: string) => formatMoney(minor, x.currency, i18n.language);
  return (
    <Card withBorder padding="sm" data-testid="payment-transaction" data-seq={x.seq} data-outcome={x.outcome}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('payments.case.transactionN', { n: x.seq })} · {x.date}
          </Text>
          <Text fw={700} size="lg" dir="ltr" data-testid="transaction-amount">
            {money(x.amountMinor)}
          </Text>
        </Stack>
        <Group gap="xs">
          <OutcomeBadge outcome={x.outcome} />
          {mayRecord && (
            <Button size="xs" variant="light" onClick={() => setRecording(true)} data-testid="record-outcome">
              {t('payments.actions.recordOutcome')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" mt="xs">
        <Fact label={t('payments.form.beneficiary')}>
          <Text size="sm" dir="auto">
            {x.beneficiaryName}
          </Text>
        </Fact>
        <Fact label={t('payments.form.receivingAccount')}>
          <Text size="sm" ff="monospace" dir="ltr" data-testid="transaction-account">
            {displayAccount(x.receivingAccount)}
          </Text>
        </Fact>
        <Fact label={t('payments.form.bic')}>
          <Text size="sm" ff="monospace" dir="ltr">
            {x.receivingBic ?? '—'}
          </Text>
        </Fact>
        <Fact label={t('payments.form.sendingAccount')}>
          <Text size="sm" ff="monospace" dir="ltr">
            {x.sendingAccount ? displayAccount(x.sendingAccount) : '—'}
          </Text>
        </Fact>
        <Fact label={t('payments.form.reference')}>
          <Text size="sm" dir="auto">
            {x.reference ?? '—'}
          </Text>
        </Fact>
      </SimpleGrid>
      {(x.frozenMinor !== '0' || x.returnedMinor !== '0' || x.movedToAccount) && (
        <>
          <Divider my="xs" />
          <Stack gap={2} data-testid="transaction-result">
            {x.frozenMinor !== '0' && (
              <Text size="sm" data-testid="frozen-amount">
                {t('payments.case.frozenAmount', { amount: money(x.frozenMinor) })}
              </Text>
            )}
            {x.returnedMinor !== '0' && (
              <Text size="sm" data-testid="returned-amount">
                {t('payments.case.returnedAmount', { amount: money(x.returnedMinor) })}
              </Text>
            )}
            {x.movedToAccount && (
              <Group gap="xs">
                <Text size="sm">
                  {t('payments.case.movedTo', {
                    country: x.movedToCountry ? country(x.movedToCountry) : '—',
                  })}
                </Text>
                <Text size="sm" ff="monospace" dir="ltr">
                  {displayAccount(x.movedToAccount)}
                </Text>
                {x.followUpCaseId &&
                  (mayFollow ? (
                    <Anchor
                      component={Link}
                      to={`/payments/cases/${x.followUpCaseId}`}
                      size="sm"
                      data-testid="chase-link"
                    >
                      {t('payments.case.openChase')}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('payments.case.chaseOpened')}
                    </Text>
                  ))}
              </Group>
            )}
          </Stack>
        </>
      )}
      {mayRecord && recording && (
        <OutcomeModal transaction={x} opened={recording} onClose={() => setRecording(false)} />
      )}
    </Card>
  );
}

export function PartCard({
  part,
  transactions,
  steps,
  mayFollow,
}: {
  part: PaymentPart;
  transactions: PaymentTransaction[];
  steps: PaymentStep[];
  mayFollow: boolean;
}) {
  const { t } = useTranslation();
  const country = useCountryName();
  const now = useNowForPart(part);
  // The unit's name as recorded when it was forwarded (the requester cannot list the units of
  // another bureau).
  const forwardedTo = [...steps].reverse().find((s) => s.action === 'forward' && s.partId === part.id)
    ?.details?.unit;
  return (
    <Card withBorder padding="md" data-testid="payment-part" data-country={part.receivingBureau}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Group gap="sm">
          <Title order={4}>{country(part.receivingBureau)}</Title>
          <PartStatusBadge status={part.status} />
          {part.overdue && (
            <Badge color="red" variant="filled" data-testid="part-overdue">
              {t('payments.case.flaggedOverdue')}
            </Badge>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="sm">
        <Fact label={t('payments.case.ackDue', { at: formatTime(part.ackDueAt) })} testId="ack-clock">
          <DueClock dueAt={part.ackDueAt} doneAt={part.acknowledgedAt} now={now} />
        </Fact>
        <Fact
          label={t('payments.case.answerDue', { at: formatTime(part.answerDueAt) })}
          testId="answer-clock"
        >
          <DueClock dueAt={part.answerDueAt} doneAt={part.firstAnswerAt} now={now} />
        </Fact>
        <Fact label={t('payments.case.forwardedTo')} testId="forwarded-unit">
          {typeof forwardedTo === 'string' ? forwardedTo : '—'}
        </Fact>
      </SimpleGrid>
      <PartActions part={part} />
      <Stack gap="sm" mt="sm">
        {transactions.map((x) => (
          <TransactionCard
            key={x.id}
            transaction={x}
            mayRecord={part.actions.includes('outcome')}
            mayFollow={mayFollow}
          />
        ))}
      </Stack>
    </Card>
  );
}

/** A part whose clocks are all stopped needs no ticking. */
function useNowForPart(part: PaymentPart) {
  return useNow(part.firstAnswerAt ? 3_600_000 : 15_000);
}
