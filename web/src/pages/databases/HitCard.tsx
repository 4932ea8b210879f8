// One hit: who searched, from which unit, when, why and for what; opened, the conversation
// between the two bureaus and a reply box. Opening a received hit tells the owner's server it is seen.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { dbName } from './labels';
import type { Hit } from './recordsApi';

export function HitCard({ hit, box }: { hit: Hit; box: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unseen = box === 'received' && !hit.seenByOwnerAt;
  const toggle = async () => {
    setOpen(!open);
    if (!open && unseen) {
      await api.get(`/hits/${hit.id}`).catch(() => undefined);
      await queryClient.invalidateQueries({ queryKey: ['hits'] });
    }
  };
  const reply = async () => {
    setError(null);
    setBusy(true);
    try {
      await api.post(`/hits/${hit.id}/replies`, { message: message.trim() });
      setMessage('');
      await queryClient.invalidateQueries({ queryKey: ['hits'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    } finally {
      setBusy(false);
    }
  };
  const searcher = hit.searcher;
  return (
    <Card withBorder padding="sm" bg={unseen ? 'indigo.0' : undefined} data-testid="hit" data-unseen={unseen}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            {unseen && <Badge color="indigo">{t('records.hits.new')}</Badge>}
            <Text fw={600}>
              {hit.recordLabel ?? t('records.hits.recordOf', { owner: hit.ownerBureau })}
              {hit.recordReference ? ` · ${hit.recordReference}` : ''}
            </Text>
            {hit.access === 'exists' && (
              <Badge color="orange" variant="light">
                {t('records.hits.existsOnly')}
              </Badge>
            )}
            {hit.match === 'similar' && (
              <Badge color="yellow" variant="light">
                {t('records.search.similar')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {box === 'received'
              ? t('records.hits.foundBy', {
                  bureau: searcher.bureau,
                  name: searcher.name,
                  unit: searcher.unitName ?? t('records.hits.centralOffice'),
                })
              : t('records.hits.youFound', { owner: hit.ownerBureau, name: searcher.name })}
          </Text>
          <Text size="sm" c="dimmed">
            {formatTime(hit.at)} · {dbName(t, hit.database)} · {t(`records.search.tabs.${hit.searchKind}`)} «
            {hit.query}»
          </Text>
          <Text size="sm">
            {t('records.hits.purpose')}: {hit.purpose}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flex: 'none' }}>
          <Button size="xs" variant="light" onClick={toggle} data-testid="open-hit">
            {open ? t('records.hits.hide') : t('records.hits.open', { count: hit.replies.length })}
          </Button>
          <Anchor component={Link} to={`/records/${hit.recordId}`} size="sm">
            {t('records.hits.record')}
          </Anchor>
        </Stack>
      </Group>
      {open && (
        <Stack mt="sm" gap="xs">
          {hit.replies.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('records.hits.noReplies')}
            </Text>
          )}
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
            minRows={2}
            data-testid="reply-box"
          />
          <Group>
            <Button
              size="xs"
              disabled={!message.trim()}
              loading={busy}
              onClick={reply}
              data-testid="send-reply"
            >
              {t('records.hits.reply')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
