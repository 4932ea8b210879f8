// One message: its subject, sender and signature, handling, body (in its own direction: an
// Arabic body reads right to left in any console language), references, files, what the reader
// may do with it, where it stands with each recipient (for its sender), and its thread.
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../layout/DataTable';
import { ApiError, api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { MessageActions } from './MessageActions';
import { HandlingBadge, PriorityBadge } from './MessageBadges';
import type { Message, MessageSummary } from './messagesApi';
import { RecipientTable } from './RecipientTable';
import { useBureaus, useUnitsOf } from './useBureaus';

function Signature({ signature, label }: { signature: Message['signature']; label: string }) {
  const { t } = useTranslation();
  if (signature.valid) {
    return (
      <Group gap={6} data-testid="signature" data-valid="true">
        <Text c="green.8" fw={700} aria-hidden>
          ✓
        </Text>
        <Text c="green.8" size="sm" fw={600}>
          {t('messages.signature.verified', { bureau: label })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('messages.signature.key', { kid: signature.kid })}
        </Text>
      </Group>
    );
  }
  return (
    <Alert
      color="red"
      title={t('messages.signature.invalidTitle')}
      data-testid="signature"
      data-valid="false"
    >
      {t('messages.signature.invalid', { bureau: label })}
    </Alert>
  );
}

function referenceLink(type: string, id: string): string | null {
  if (type === 'record') return `/records/${id}`;
  if (type === 'notice') return `/notices/${id}`;
  if (type === 'message') return `/messages/${id}`;
  return null;
}

/** The other messages of the thread, oldest first: what the bureau sent and received in it. */
function Thread({ message }: { message: Message }) {
  const { t } = useTranslation();
  const bureaus = useBureaus();
  const thread = useQuery({
    queryKey: ['messages', 'thread', message.threadId],
    // The server answers a thread whole: what the bureau sent and received in it.
    queryFn: async () => {
      const { items } = await api.get<{ items: MessageSummary[] }>(
        `/messages?thread=${message.threadId}&limit=100`,
      );
      return [...items].sort((a, b) => a.id.localeCompare(b.id));
    },
  });
  const items = thread.data ?? [];
  if (items.length < 2) return null;
  const current = items.findIndex((m) => m.id === message.id);
  return (
    <Card withBorder data-testid="thread">
      <Title order={4} mb="sm">
        {t('messages.thread.title', { count: items.length })}
      </Title>
      <Timeline active={current} bulletSize={14} lineWidth={2}>
        {items.map((m) => (
          <Timeline.Item
            key={m.id}
            title={
              m.id === message.id ? (
                <Text fw={700} size="sm" dir="auto">
                  {m.subject}
                </Text>
              ) : (
                <Anchor component={Link} to={`/messages/${m.id}`} size="sm" dir="auto">
                  {m.subject}
                </Anchor>
              )
            }
            data-testid="thread-item"
          >
            <Text size="xs" c="dimmed">
              {bureaus.label(m.senderBureau)} · {m.senderName} · {formatTime(m.createdAt)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

export function MessagePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const bureaus = useBureaus();
  const own = principal?.bureau.code ?? '';
  const units = useUnitsOf(own || null);
  const message = useQuery({
    queryKey: ['message', id],
    queryFn: () => api.get<Message>(`/messages/${id}`),
    retry: false,
  });
  // Reading marked it read: the boxes and the unread count change.
  const loadedAt = message.dataUpdatedAt;
  useEffect(() => {
    if (loadedAt) void queryClient.invalidateQueries({ queryKey: ['messages'] });
  }, [loadedAt, queryClient]);
  const unitNames = useMemo(
    () => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])),
    [units.data],
  );
  const unitLabel = (unitId: string) => unitNames.get(unitId) ?? t('messages.recipients.unitOf');

  if (message.isLoading) return <Loader />;
  if (message.error) {
    const e = message.error;
    return <Alert color="red">{e instanceof ApiError ? e.detail : String(e)}</Alert>;
  }
  const m = message.data!;
  const isSender = m.sender.bureau === own;
  const to = m.recipients.filter((r) => !r.copy);
  const cc = m.recipients.filter((r) => r.copy);
  const names = (list: typeof m.recipients) =>
    [...new Set(list.map((r) => bureaus.label(r.bureau)))].join(', ');

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={isSender ? '/messages?box=sent' : '/messages'} size="sm">
        {t('messages.backToBox')}
      </Anchor>
      <Stack gap={6}>
        <Group gap="xs">
          <PriorityBadge priority={m.priority} />
          <HandlingBadge handling={m.handling} />
          {m.gsAccess && (
            <Badge color="indigo" variant="light" data-testid="gs-access" style={{ textTransform: 'none' }}>
              {t('messages.gs.granted')}
            </Badge>
          )}
        </Group>
        <Title order={2} dir="auto" data-testid="message-subject">
          {m.subject}
        </Title>
        <Text size="sm" data-testid="message-sender">
          {t('messages.message.from', { bureau: bureaus.label(m.sender.bureau) })} ·{' '}
          <bdi>{m.sender.name}</bdi>
          {m.sender.unit && isSender ? (
            <>
              {' '}
              · <bdi>{unitLabel(m.sender.unit)}</bdi>
            </>
          ) : null}{' '}
          · <bdi>{formatTime(m.createdAt)}</bdi>
        </Text>
        <Signature signature={m.signature} label={bureaus.label(m.signature.bureau)} />
        {!isSender && (
          <Text size="sm" c="dimmed">
            {t('messages.message.to', { list: names(to) })}
            {cc.length > 0 ? ` · ${t('messages.message.cc', { list: names(cc) })}` : ''}
          </Text>
        )}
      </Stack>
      {m.handlingNote && (
        <Alert color="yellow" title={t(`messages.handling.${m.handling}`)} data-testid="handling-note">
          <Text size="sm" dir="auto">
            {m.handlingNote}
          </Text>
        </Alert>
      )}
      <MessageActions message={m} />
      <Paper withBorder p="md">
        <Text
          dir="auto"
          lang={m.language}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="message-body"
        >
          {m.body}
        </Text>
      </Paper>
      {m.references.length > 0 && (
        <Card withBorder data-testid="message-references">
          <Title order={5} mb="xs">
            {t('messages.message.references')}
          </Title>
          <Stack gap={4}>
            {m.references.map((r) => {
              const href = referenceLink(r.type, r.id);
              return (
                <Group key={`${r.type}:${r.id}`} gap="xs">
                  <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                    {t(`messages.referenceTypes.${r.type}`, { defaultValue: r.type })}
                  </Badge>
                  {href ? (
                    <Anchor component={Link} to={href} size="sm" ff="monospace">
                      {r.id}
                    </Anchor>
                  ) : (
                    <Text size="sm" ff="monospace">
                      {r.id}
                    </Text>
                  )}
                </Group>
              );
            })}
          </Stack>
        </Card>
      )}
      {m.attachments.length > 0 && (
        <Card withBorder data-testid="message-attachments">
          <Title order={5} mb="xs">
            {t('messages.message.attachments')}
          </Title>
          <DataTable headers={[t('messages.files.name'), t('messages.files.type'), t('messages.files.size')]}>
            {m.attachments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor href={`/api/v1/messages/${m.id}/attachments/${a.id}`} download={a.name}>
                    {a.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{a.mediaType}</Table.Td>
                <Table.Td>
                  {t('messages.files.kib', { size: Math.max(1, Math.ceil(a.size / 1024)) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Card>
      )}
      {isSender && (
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('messages.recipients.title', { count: m.recipients.length })}
          </Title>
          <RecipientTable recipients={m.recipients} bureauLabel={bureaus.label} unitLabel={unitLabel} />
        </Card>
      )}
      <Thread message={m} />
    </Stack>
  );
}
