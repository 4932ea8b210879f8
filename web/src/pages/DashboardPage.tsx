// Who you are, and the live events the access policy lets you see.
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../lib/auth';
import { bureauName, formatTime } from '../lib/format';

interface LiveEvent {
  id: number;
  at: string;
  topic: string;
  payload: Record<string, unknown>;
}

function useLiveEvents() {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    const onEvent = (e: MessageEvent) =>
      setEvents((list) => [JSON.parse(e.data) as LiveEvent, ...list].slice(0, 50));
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    // Every event arrives as a plain message whose data names its topic.
    source.onmessage = onEvent;
    return () => source.close();
  }, []);
  return { events, connected };
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const { events, connected } = useLiveEvents();
  if (!principal) return null;
  return (
    <Stack>
      <Title order={2} data-testid="dashboard-title">
        {t('dashboard.welcome', { name: principal.displayName })}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('dashboard.bureau')}
            </Text>
            <Text fw={600} data-testid="dashboard-bureau">
              {bureauName(principal.bureau.names, principal.bureau.code)} ({principal.bureau.code})
            </Text>
            <Text size="sm" c="dimmed">
              {t('dashboard.unit')}
            </Text>
            <Text fw={600}>{principal.unit?.name ?? t('dashboard.noUnit')}</Text>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('dashboard.roles')}
            </Text>
            <Group gap={4}>
              {principal.roles.map((r) => (
                <Badge key={r}>{t(`roles.${r}`)}</Badge>
              ))}
            </Group>
            <Text size="sm" c="dimmed">
              {t('dashboard.capabilities')}
            </Text>
            <Group gap={4}>
              {principal.capabilities.map((c) => (
                <Badge key={c} variant="outline">
                  {t(`capabilities.${c}`)}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('dashboard.events')}</Title>
          <Badge color={connected ? 'green' : 'gray'} data-testid="events-status">
            {connected ? t('dashboard.connected') : t('dashboard.disconnected')}
          </Badge>
        </Group>
        {events.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('dashboard.noEvents')}
          </Text>
        ) : (
          <Table data-testid="events-table">
            <Table.Tbody>
              {events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatTime(e.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {/* Known topics read as words; a topic this console does not know yet, as is. */}
                      {t(`topics.${e.topic}`, { defaultValue: e.topic })}
                    </Text>
                    <Text ff="monospace" size="xs" c="dimmed" dir="ltr">
                      {e.topic}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{String(e.payload.name ?? '')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
