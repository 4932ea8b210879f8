// A case's steps, oldest first: who did what, for which bureau, when — opening and routing, each
// country's acknowledgement, forwarding and outcomes (with the amounts and the officer's note),
// the chase opened when money moved on, and the clock's overdue flags.
import { Anchor, Blockquote, Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../lib/format';
import { useBureauLabel } from '../screening/useBureauLabel';
import { formatMoney } from './money';
import { OutcomeBadge, useCountryName } from './PaymentBadges';
import type { Outcome, PaymentStep, PaymentTransaction } from './paymentsApi';

const str = (v: unknown) => (typeof v === 'string' ? v : null);

function StepDetails({
  step,
  transaction,
  mayFollow,
}: {
  step: PaymentStep;
  transaction: PaymentTransaction | undefined;
  mayFollow: boolean;
}) {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  const d = step.details ?? {};
  const money = (minor: string | null) =>
    minor && transaction ? formatMoney(minor, transaction.currency, i18n.language) : null;
  switch (step.action) {
    case 'route':
      return <Text size="sm">{t('payments.steps.routedTo', { country: country(str(d.bureau) ?? '') })}</Text>;
    case 'forward':
      return <Text size="sm">{t('payments.steps.forwardedTo', { unit: str(d.unit) ?? '' })}</Text>;
    case 'overdue':
      return (
        <Text size="sm">
          {t(`payments.steps.stage.${str(d.stage) === 'answer' ? 'answer' : 'acknowledgement'}`)}
        </Text>
      );
    case 'outcome': {
      const frozen = str(d.frozenMinor);
      const returned = str(d.returnedMinor);
      const chase = str(d.followUpCaseId);
      return (
        <>
          <Group gap="xs">
            {transaction && <Text size="sm">{t('payments.case.transactionN', { n: transaction.seq })}</Text>}
            <OutcomeBadge outcome={(str(d.outcome) ?? 'pending') as Outcome} />
          </Group>
          {frozen && frozen !== '0' && (
            <Text size="sm">{t('payments.case.frozenAmount', { amount: money(frozen) })}</Text>
          )}
          {returned && returned !== '0' && (
            <Text size="sm">{t('payments.case.returnedAmount', { amount: money(returned) })}</Text>
          )}
          {chase &&
            (mayFollow ? (
              <Anchor
                component={Link}
                to={`/payments/cases/${chase}`}
                size="sm"
                data-testid="timeline-chase-link"
              >
                {t('payments.case.openChase')}
              </Anchor>
            ) : (
              <Text size="sm">{t('payments.case.chaseOpened')}</Text>
            ))}
          {str(d.note) && (
            <Blockquote p="xs" mt={4} color="gray" data-testid="timeline-note">
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {str(d.note)}
              </Text>
            </Blockquote>
          )}
        </>
      );
    }
    default:
      return null;
  }
}

export function PaymentTimeline({
  steps,
  transactions,
  mayFollow,
}: {
  steps: PaymentStep[];
  transactions: PaymentTransaction[];
  /** Whether the reader may open the chase cases (the victim's bureau, the GS). */
  mayFollow: boolean;
}) {
  const { t } = useTranslation();
  const bureau = useBureauLabel();
  const byId = new Map(transactions.map((x) => [x.id, x]));
  return (
    <Timeline active={steps.length - 1} bulletSize={18} lineWidth={2} data-testid="payment-timeline">
      {steps.map((s, i) => (
        <Timeline.Item
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are in order and never reordered
          key={i}
          title={
            <Text fw={600} size="sm">
              {t(`payments.steps.${s.action}`, { defaultValue: s.action })}
            </Text>
          }
          color={s.action === 'overdue' ? 'red' : undefined}
          data-testid={`step-${s.action}`}
        >
          <StepDetails
            step={s}
            transaction={s.transactionId ? byId.get(s.transactionId) : undefined}
            mayFollow={mayFollow}
          />
          <Text size="xs" c="dimmed">
            {s.action === 'overdue'
              ? t('payments.steps.byClock', { at: formatTime(s.at) })
              : t('payments.steps.by', {
                  actor: s.actor,
                  bureau: bureau(s.actorBureau),
                  at: formatTime(s.at),
                })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
