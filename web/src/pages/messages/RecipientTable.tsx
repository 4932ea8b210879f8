// For the sender's bureau: where its message stands with each recipient — delivered, read,
// acknowledged, answered, each with its time.
import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../layout/DataTable';
import { formatTime } from '../../lib/format';
import type { Delivery } from './messagesApi';

const STATES = ['deliveredAt', 'readAt', 'acknowledgedAt', 'answeredAt'] as const;

function When({ at, state }: { at: string | null; state: string }) {
  const { t } = useTranslation();
  if (!at) {
    return (
      <Text size="xs" c="dimmed" data-testid={`state-${state}`} data-done="false">
        {t('messages.states.not')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" data-testid={`state-${state}`} data-done="true">
      <Text c="green.7" fw={700} aria-hidden>
        ✓
      </Text>
      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
        {formatTime(at)}
      </Text>
    </Group>
  );
}

export function RecipientTable({
  recipients,
  bureauLabel,
  unitLabel,
}: {
  recipients: Delivery[];
  bureauLabel: (code: string) => string;
  unitLabel: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      testId="recipient-table"
      headers={[
        t('messages.recipients.recipient'),
        t('messages.states.delivered'),
        t('messages.states.read'),
        t('messages.states.acknowledged'),
        t('messages.states.answered'),
      ]}
    >
      {recipients.map((r) => (
        <Table.Tr key={`${r.bureau}|${r.unit ?? ''}`} data-testid="recipient-row" data-bureau={r.bureau}>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{bureauLabel(r.bureau)}</Text>
              {r.copy && (
                <Badge size="xs" variant="light" color="gray">
                  {t('messages.compose.cc')}
                </Badge>
              )}
            </Group>
            {r.unit && (
              <Text size="xs" c="dimmed">
                {unitLabel(r.unit)}
              </Text>
            )}
          </Table.Td>
          {STATES.map((s) => (
            <Table.Td key={s}>
              <When at={r[s]} state={s.replace(/At$/, '')} />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
