// The hit inbox: every time another bureau found one of ours — who, from which unit, when and
// why — with a conversation on each; and the hits our bureau made. Counts per database and bureau.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../layout/DataTable';
import { ApiError, api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { dbName } from './labels';
import type { Hit } from './recordsApi';

interface Stats {
  scope: string;
  byDatabase: { database: string; received: number; made: number; total: number }[];
  byBureau: { bureau: string; received: number; made: number }[];
}

function HitCard({ hit, box }: { hit: Hit; box: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setOpen(!open);
    // Opening a received hit tells the server the owner has seen it.
    if (!open && box === 'received' && !hit.seenByOwnerAt) {
      await api.get(`/hits/${hit.id}`);
      await queryClient.invalidateQueries({ queryKey: ['hits'] });
    }
  };
  const reply = async () => {
    setError(null);
    try {
      await api.post(`/hits/${hit.id}/replies`, { message });
      setMessage('');
      await queryClient.invalidateQueries({ queryKey: ['hits'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    }
  };
  const unseen = box === 'received' && !hit.seenByOwnerAt;
  return (
    <Card withBorder padding="sm" bg={unseen ? 'indigo.0' : undefined} data-testid="hit">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            {unseen && <Badge color="indigo">{t('records.hits.new')}</Badge>}
            <Text fw={600}>{hit.recordLabel ?? t('records.hits.recordOf', { owner: hit.ownerBureau })}</Text>
          </Group>
          <Text size="sm">
            {box === 'received'
              ? t('records.hits.foundBy', {
                  bureau: hit.searcher.bureau,
                  name: hit.searcher.name,
                  unit: hit.searcher.unitName ?? t('records.hits.centralOffice'),
                })
              : t('records.hits.youFound', { owner: hit.ownerBureau })}
          </Text>
          <Text size="sm" c="dimmed">
            {formatTime(hit.at)} · {dbName(t, hit.database)} · {t(`records.search.tabs.${hit.searchKind}`)} «
            {hit.query}»
          </Text>
          <Text size="sm">
            {t('records.hits.purpose')}: {hit.purpose}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Button size="xs" variant="light" onClick={toggle} data-testid="open-hit">
            {open ? t('records.hits.hide') : t('records.hits.open', { count: hit.replies.length })}
          </Button>
          {box === 'received' && (
            <Anchor component={Link} to={`/records/${hit.recordId}`} size="sm">
              {t('records.hits.record')}
            </Anchor>
          )}
        </Stack>
      </Group>
      {open && (
        <Stack mt="sm" gap="xs">
          {hit.replies.map((r) => (
            <Card key={r.id} padding="xs" withBorder bg="gray.0">
              <Text size="xs" c="dimmed">
                {r.bureau} · {r.author} · {formatTime(r.at)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="reply-text">
                {r.message}
              </Text>
            </Card>
          ))}
          {error && <Alert color="red">{error}</Alert>}
          <Textarea
            placeholder={t('records.hits.replyPlaceholder')}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            autosize
            data-testid="reply-box"
          />
          <Group>
            <Button size="xs" disabled={!message.trim()} onClick={reply} data-testid="send-reply">
              {t('records.hits.reply')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

/** New hits and replies arrive on the event stream: refresh the inbox the moment they do. */
function useLiveHits() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    source.onmessage = (e: MessageEvent) => {
      const topic = (JSON.parse(e.data) as { topic: string }).topic;
      if (topic === 'records.hit' || topic === 'records.hit_reply')
        void queryClient.invalidateQueries({ queryKey: ['hits'] });
    };
    return () => source.close();
  }, [queryClient]);
}

export function HitsPage() {
  const { t } = useTranslation();
  const [box, setBox] = useState('received');
  useLiveHits();
  const hits = useQuery({
    queryKey: ['hits', box],
    queryFn: () => api.get<{ items: Hit[] }>(`/hits?box=${box}&limit=50`),
    refetchInterval: 15_000,
  });
  const stats = useQuery({ queryKey: ['hits', 'stats'], queryFn: () => api.get<Stats>('/hits/stats') });
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('records.hits.title')}</Title>
      <SegmentedControl
        w="fit-content"
        value={box}
        onChange={setBox}
        data={[
          { value: 'received', label: t('records.hits.received') },
          { value: 'sent', label: t('records.hits.sent') },
        ]}
        data-testid="hit-box"
      />
      {hits.error && <Alert color="red">{String(hits.error)}</Alert>}
      <Stack gap="xs" data-testid="hit-list">
        {(hits.data?.items ?? []).length === 0 && <Text c="dimmed">{t('records.hits.none')}</Text>}
        {hits.data?.items.map((h) => (
          <HitCard key={h.id} hit={h} box={box} />
        ))}
      </Stack>
      {stats.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Text fw={600} mb="xs">
              {t('records.hits.byDatabase')}
            </Text>
            <DataTable
              headers={[
                t('records.list.database'),
                t('records.hits.receivedCount'),
                t('records.hits.madeCount'),
              ]}
            >
              {stats.data.byDatabase.map((d) => (
                <Table.Tr key={d.database}>
                  <Table.Td>{dbName(t, d.database)}</Table.Td>
                  <Table.Td>{d.received}</Table.Td>
                  <Table.Td>{d.made}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Card>
          <Card withBorder>
            <Text fw={600} mb="xs">
              {t('records.hits.byBureau')}
            </Text>
            <DataTable
              headers={[
                t('records.list.owner'),
                t('records.hits.receivedCount'),
                t('records.hits.madeCount'),
              ]}
            >
              {stats.data.byBureau.map((b) => (
                <Table.Tr key={b.bureau}>
                  <Table.Td>{b.bureau}</Table.Td>
                  <Table.Td>{b.received}</Table.Td>
                  <Table.Td>{b.made}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Card>
        </SimpleGrid>
      )}
    </Stack>
  );
}
