// The receiving bureau's queue: requests not yet answered, the one whose clock runs out first at
// the top (acknowledgement due until acknowledged, then the answer), overdue ones in red.
import { Alert, Anchor, Badge, Group, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../layout/DataTable';
import { ApiError } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useBureauLabel } from '../screening/useBureauLabel';
import { useNow } from './clock';
import { DueClock, PartStatusBadge } from './PaymentBadges';
import { nextDue, usePaymentList } from './paymentsApi';

/** The queue; or, with `overdue`, the parts past a due time (either side's, or every bureau's for the GS). */
export function PaymentQueue({ box = 'queue' }: { box?: 'queue' | 'overdue' }) {
  const { t } = useTranslation();
  const bureau = useBureauLabel();
  const now = useNow();
  const list = usePaymentList(box);
  if (list.isLoading) return <Loader />;
  if (list.error) {
    return (
      <Alert color="red">{list.error instanceof ApiError ? list.error.detail : String(list.error)}</Alert>
    );
  }
  const rows = (list.data?.items ?? [])
    .map((r) => ({ ...r, due: nextDue(r.status, r.ack_due_at, r.answer_due_at) ?? r.answer_due_at }))
    .sort((a, b) => a.due.localeCompare(b.due));
  if (rows.length === 0) {
    return (
      <Text c="dimmed" data-testid="queue-empty">
        {t(box === 'overdue' ? 'payments.queue.overdueEmpty' : 'payments.queue.empty')}
      </Text>
    );
  }
  return (
    <DataTable
      headers={[
        t('payments.queue.timeLeft'),
        t('payments.list.victim'),
        t('payments.queue.from'),
        ...(box === 'overdue' ? [t('payments.queue.to')] : []),
        t('payments.list.fraudType'),
        t('payments.list.status'),
        // The oversight list names both bureaus instead: it would not fit with the reception time.
        ...(box === 'overdue' ? [] : [t('payments.queue.received')]),
      ]}
      testId={box === 'overdue' ? 'overdue-table' : 'queue-table'}
    >
      {rows.map((r) => (
        <Table.Tr key={r.part_id} data-testid="queue-row" data-case={r.case_id} data-due={r.due}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Text size="xs" c="dimmed">
              {t(r.status === 'sent' ? 'payments.queue.ackDue' : 'payments.queue.answerDue')}
            </Text>
            <DueClock dueAt={r.due} now={now} testId="queue-clock" />
          </Table.Td>
          <Table.Td>
            <Group gap={6} wrap="wrap">
              <Anchor component={Link} to={`/payments/cases/${r.case_id}`} dir="auto" data-testid="case-link">
                {r.victim.name}
              </Anchor>
              {r.parent_transaction_id && (
                <Badge size="xs" color="orange" variant="outline" style={{ flexShrink: 0 }}>
                  {t('payments.list.chase')}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{bureau(r.requesting_bureau)}</Table.Td>
          {box === 'overdue' && (
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{bureau(r.receiving_bureau)}</Table.Td>
          )}
          <Table.Td>{t(`payments.fraudTypes.${r.fraud_type}`)}</Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 110 }}>
            <PartStatusBadge status={r.status} />
          </Table.Td>
          {box !== 'overdue' && (
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">{formatTime(r.created_at)}</Text>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
