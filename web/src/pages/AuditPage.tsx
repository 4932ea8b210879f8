// The DPO's audit explorer: filters, newest first, "load more" with the server's cursor.
// A bureau's DPO sees what concerns their bureau; the General Secretariat's DPO may pick a bureau.
import {
  Alert,
  Anchor,
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
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../layout/DataTable';
import { ApiError, type AuditEvent, api, type Bureau } from '../lib/api';
import { useAuth } from '../lib/auth';
import { bureauName, formatTime } from '../lib/format';

const TEXT_FIELDS = ['actorId', 'targetId', 'action'] as const;
const TIME_FIELDS = ['from', 'to'] as const;
const OUTCOMES = ['success', 'denied', 'exists', 'failure', 'invalid'];
type Filters = Record<
  (typeof TEXT_FIELDS)[number] | (typeof TIME_FIELDS)[number] | 'outcome' | 'bureau',
  string
>;
const EMPTY: Filters = { actorId: '', targetId: '', action: '', from: '', to: '', outcome: '', bureau: '' };

/** A `datetime-local` value read as UTC (the labels say so), in the ISO 8601 form the API takes. */
function utcIso(local: string): string {
  if (!local) return '';
  return `${local.length === 16 ? `${local}:00` : local}Z`;
}

function queryOf(filters: Filters, cursor: string | null): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    const value = k === 'from' || k === 'to' ? utcIso(v) : v.trim();
    if (value) q.set(k, value);
  }
  if (cursor) q.set('cursor', cursor);
  q.set('limit', '50');
  return q;
}

const short = (id: string | null) => (id ? id.slice(0, 8) : '—');

export function AuditPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const gsDpo = principal?.bureau.code === 'XG';
  const [filters, setFilters] = useState<Filters>(EMPTY);
  // The filters of the listed results: "load more" continues those, not half-edited ones.
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [searched, setSearched] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const bureaus = useQuery({
    queryKey: ['bureaus'],
    queryFn: () => api.get<{ items: Bureau[] }>('/bureaus'),
    enabled: gsDpo,
  });

  const load = async (f: Filters, more: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const page = await api.get<{ items: AuditEvent[]; nextCursor: string | null }>(
        `/audit?${queryOf(f, more ? cursor : null)}`,
      );
      setItems((old) => (more ? [...old, ...page.items] : page.items));
      if (!more) setApplied(f);
      setCursor(page.nextCursor);
      setSearched(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
    } finally {
      setBusy(false);
    }
  };

  /** Narrows the search to one actor or target from a row, and runs it. */
  const narrow = (field: 'actorId' | 'targetId', value: string) => {
    const next = { ...filters, [field]: value };
    setFilters(next);
    void load(next, false);
  };

  /** One text filter; the time filters are the same input as a date-time picker. */
  const filterInput = (
    f: (typeof TEXT_FIELDS)[number] | (typeof TIME_FIELDS)[number],
    extra: { type?: string; step?: number } = {},
  ) => (
    <TextInput
      key={f}
      {...extra}
      label={t(`audit.${f}`)}
      value={filters[f]}
      onChange={(e) => setFilters({ ...filters, [f]: e.currentTarget.value })}
      error={error?.fieldMessage(f)}
      dir="ltr"
      data-testid={`audit-${f}`}
    />
  );

  /** A shortened id that narrows the search to itself when clicked. */
  const idLink = (field: 'actorId' | 'targetId', id: string, title: string) => (
    <Anchor
      component="button"
      type="button"
      size="xs"
      ff="monospace"
      title={`${title} — ${id}`}
      onClick={() => narrow(field, id)}
    >
      {short(id)}
    </Anchor>
  );

  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      <Text c="dimmed">{t('audit.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void load(filters, false);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {TEXT_FIELDS.map((f) => filterInput(f))}
          <Select
            label={t('audit.outcome')}
            value={filters.outcome}
            onChange={(v) => setFilters({ ...filters, outcome: v ?? '' })}
            allowDeselect={false}
            data={[
              { value: '', label: t('audit.any') },
              ...OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) })),
            ]}
            error={error?.fieldMessage('outcome')}
            data-testid="audit-outcome"
          />
          {TIME_FIELDS.map((f) => filterInput(f, { type: 'datetime-local', step: 1 }))}
          {gsDpo && (
            <Select
              label={t('audit.bureau')}
              searchable
              value={filters.bureau}
              allowDeselect={false}
              onChange={(v) => setFilters({ ...filters, bureau: v ?? '' })}
              data={[
                { value: '', label: t('audit.allBureaus') },
                ...(bureaus.data?.items ?? []).map((b) => ({
                  value: b.code,
                  label: `${bureauName(b.names, b.code)} (${b.code})`,
                })),
              ]}
              error={error?.fieldMessage('bureau')}
              data-testid="audit-bureau"
            />
          )}
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={busy} data-testid="audit-search">
            {t('audit.search')}
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
              setFilters(EMPTY);
              setItems([]);
              setCursor(null);
              setSearched(false);
              setError(null);
            }}
          >
            {t('audit.reset')}
          </Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" data-testid="audit-error">
          {t('common.error', { detail: error.detail })}
        </Alert>
      )}
      {searched && items.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      {items.length > 0 && (
        <>
          <Text size="sm" c="dimmed" data-testid="audit-count">
            {t('audit.shown', { count: items.length })}
          </Text>
          <Table.ScrollContainer minWidth={900}>
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
                    <Text size="xs" ff="monospace" dir="ltr" span>
                      {e.actorType}:{e.actorId ? idLink('actorId', e.actorId, t('audit.filterActor')) : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.bureau ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" dir="ltr">
                      {e.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {e.targetType ? (
                      <Text size="xs" ff="monospace" dir="ltr" span>
                        {e.targetType}
                        {e.targetBureau ? `@${e.targetBureau}` : ''}
                        {e.targetId && <>:{idLink('targetId', e.targetId, t('audit.filterTarget'))}</>}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{t(`outcomes.${e.outcome}`, { defaultValue: e.outcome })}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" dir="ltr" title={e.requestId ?? undefined}>
                      {short(e.requestId)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Table.ScrollContainer>
        </>
      )}
      {cursor && (
        <Button
          variant="light"
          onClick={() => void load(applied, true)}
          loading={busy}
          data-testid="audit-load-more"
        >
          {t('audit.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
