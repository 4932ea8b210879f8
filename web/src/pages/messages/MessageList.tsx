// A box of messages as a table, newest first: unread ones in bold with a dot, the priority and
// handling code of each, who sent it (inbox) or how many it went to (sent), and its time.
import { Anchor, Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../layout/DataTable';
import { formatTime } from '../../lib/format';
import { useBureauLabel } from '../screening/useBureauLabel';
import { HandlingBadge, PriorityBadge } from './MessageBadges';
import type { Box as BoxName, MessageSummary } from './messagesApi';

export function MessageList({
  items,
  box,
  testId,
  currentId,
}: {
  items: MessageSummary[];
  box: BoxName;
  testId?: string;
  /** In a thread: the message on screen, marked. */
  currentId?: string;
}) {
  const { t } = useTranslation();
  const bureau = useBureauLabel();
  return (
    <DataTable
      testId={testId}
      headers={[
        t('messages.list.priority'),
        box === 'inbox' ? t('messages.list.from') : t('messages.list.to'),
        t('messages.list.subject'),
        t('messages.list.handling'),
        box === 'inbox' ? t('messages.list.received') : t('messages.list.sent'),
      ]}
    >
      {items.map((m) => {
        const unread = box === 'inbox' && m.mine !== null && m.mine.readAt === null;
        return (
          <Table.Tr
            key={m.id}
            data-testid="message-row"
            data-unread={unread ? 'true' : 'false'}
            data-id={m.id}
            bg={m.id === currentId ? 'indigo.0' : undefined}
          >
            <Table.Td>
              <PriorityBadge priority={m.priority} />
            </Table.Td>
            <Table.Td>
              {box === 'inbox' ? (
                <Stack gap={0}>
                  <Text size="sm" fw={unread ? 700 : 400} style={{ whiteSpace: 'nowrap' }}>
                    {bureau(m.senderBureau)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.senderName}
                  </Text>
                </Stack>
              ) : (
                <Text size="sm">{t('messages.list.recipients', { count: m.recipientCount })}</Text>
              )}
            </Table.Td>
            <Table.Td maw={520}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                {unread && (
                  <Box
                    w={8}
                    h={8}
                    mt={6}
                    bg="indigo.6"
                    style={{ borderRadius: '50%', flexShrink: 0 }}
                    aria-label={t('messages.list.unread')}
                    data-testid="unread-dot"
                  />
                )}
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor
                    component={Link}
                    to={`/messages/${m.id}`}
                    fw={unread ? 700 : 500}
                    size="sm"
                    dir="auto"
                    data-testid="message-link"
                  >
                    {m.subject}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1} dir="auto">
                    {m.snippet}
                  </Text>
                </Stack>
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <HandlingBadge handling={m.handling} />
                {box === 'inbox' && m.mine?.acknowledgedAt && (
                  <Badge color="green" variant="light" style={{ minWidth: 'max-content' }}>
                    {t('messages.states.acknowledged')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                {formatTime(m.createdAt)}
              </Text>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
