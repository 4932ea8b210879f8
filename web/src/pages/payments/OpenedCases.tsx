// The cases this bureau opened (and the chases opened for it), newest first, each with where it
// stands in every receiving country: the status there and the clock it runs against.
import { Alert, Anchor, Badge, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../layout/DataTable';
import { ApiError } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useNow } from './clock';
import { DueClock, PartStatusBadge, useCountryName } from './PaymentBadges';
import { nextDue, type PartRow, usePaymentList } from './paymentsApi';

/** The rows (one per receiving country) grouped by case, in the server's order (newest first). */
function byCase(rows: PartRow[]) {
  const cases = new Map<string, PartRow[]>();
  for (const r of rows) cases.set(r.case_id, [...(cases.get(r.case_id) ?? []), r]);
  return [...cases.values()];
}

export function OpenedCases() {
  const { t } = useTranslation();
  const country = useCountryName();
  const now = useNow();
  const list = usePaymentList('opened');
  if (list.isLoading) return <Loader />;
  if (list.error) {
    return (
      <Alert color="red">{list.error instanceof ApiError ? list.error.detail : String(list.error)}</Alert>
    );
  }
  const cases = byCase(list.data?.items ?? []);
  if (cases.length === 0) {
    return (
      <Text c="dimmed" data-testid="opened-empty">
        {t('payments.opened.empty')}
      </Text>
    );
  }
  return (
    <DataTable
      headers={[
        t('payments.list.victim'),
        t('payments.list.fraudType'),
        t('payments.opened.opened'),
        t('payments.opened.countries'),
      ]}
      testId="opened-table"
    >
      {cases.map((parts) => {
        const c = parts[0]!;
        return (
          <Table.Tr key={c.case_id} data-testid="opened-row" data-case={c.case_id}>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Anchor
                  component={Link}
                  to={`/payments/cases/${c.case_id}`}
                  dir="auto"
                  data-testid="case-link"
                >
                  {c.victim.name}
                </Anchor>
                {c.parent_transaction_id && (
                  <Badge size="xs" color="orange" variant="outline" style={{ flexShrink: 0 }}>
                    {t('payments.list.chase')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>{t(`payments.fraudTypes.${c.fraud_type}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">{formatTime(c.created_at)}</Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={4}>
                {parts.map((p) => {
                  const due = nextDue(p.status, p.ack_due_at, p.answer_due_at);
                  return (
                    <Group
                      key={p.part_id}
                      gap="xs"
                      wrap="nowrap"
                      data-testid="opened-part"
                      data-country={p.receiving_bureau}
                    >
                      <Text size="sm" fw={600} w={140} style={{ flexShrink: 0 }}>
                        {country(p.receiving_bureau)}
                      </Text>
                      <PartStatusBadge status={p.status} />
                      {due && <DueClock dueAt={due} now={now} />}
                    </Group>
                  );
                })}
              </Stack>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
