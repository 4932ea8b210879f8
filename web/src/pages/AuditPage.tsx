// The DPO's audit explorer: filters, newest first, "load more" with the server's cursor.
import {
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../layout/DataTable';
import { ApiError, type AuditEvent, api } from '../lib/api';
import { formatTime } from '../lib/format';

const FIELDS = ['actorId', 'targetId', 'action', 'from', 'to'] as const;
type Filters = Record<(typeof FIELDS)[number] | 'outcome', string>;
const EMPTY: Filters = { actorId: '', targetId: '', action: '', from: '', to: '', outcome: '' };

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [searched, setSearched] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (more: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(filters)) if (v.trim()) q.set(k, v.trim());
      if (more && cursor) q.set('cursor', cursor);
      q.set('limit', '50');
      const page = await api.get<{ items: AuditEvent[]; nextCursor: string | null }>(`/audit?${q}`);
      setItems((old) => (more ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setSearched(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      <Text c="dimmed">{t('audit.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void load(false);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {FIELDS.map((f) => (
            <TextInput
              key={f}
              label={t(`audit.${f}`)}
              value={filters[f]}
              onChange={(e) => setFilters({ ...filters, [f]: e.currentTarget.value })}
              error={error?.fieldMessage(f)}
              dir="ltr"
              data-testid={`audit-${f}`}
            />
          ))}
          <Select
            label={t('audit.outcome')}
            value={filters.outcome}
            onChange={(v) => setFilters({ ...filters, outcome: v ?? '' })}
            data={[
              { value: '', label: t('audit.any') },
              ...['success', 'denied', 'exists', 'failure', 'invalid'].map((o) => ({
                value: o,
                label: t(`outcomes.${o}`),
              })),
            ]}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={busy} data-testid="audit-search">
            {t('audit.search')}
          </Button>
        </Group>
      </form>
      {error && <Alert color="red">{t('common.error', { detail: error.detail })}</Alert>}
      {searched && items.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      {items.length > 0 && (
        <DataTable
          testId="audit-table"
          headers={[
            t('audit.time'),
            t('audit.actor'),
            t('audit.bureau'),
            t('audit.actionColumn'),
            t('audit.target'),
            t('audit.outcome'),
            t('audit.requestId'),
          ]}
        >
          {items.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td>{formatTime(e.at)}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" dir="ltr">
                  {e.actorType}:{e.actorId?.slice(0, 8) ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>{e.bureau ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" dir="ltr">
                  {e.action}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" dir="ltr">
                  {e.targetType
                    ? `${e.targetType}${e.targetBureau ? `@${e.targetBureau}` : ''}:${e.targetId?.slice(0, 8) ?? ''}`
                    : '—'}
                </Text>
              </Table.Td>
              <Table.Td>{t(`outcomes.${e.outcome}`, { defaultValue: e.outcome })}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" dir="ltr">
                  {e.requestId?.slice(0, 8) ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {cursor && (
        <Button variant="light" onClick={() => void load(true)} loading={busy}>
          {t('audit.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
