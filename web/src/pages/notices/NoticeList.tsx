// Notices as a table: type in its colour, kind, control number, title, requesting bureau, status
// and dates, newest first, with filters by type and status and pages from the server's cursor.
import { Alert, Anchor, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../layout/DataTable';
import { ApiError, api } from '../../lib/api';
import { useBureauLabel } from '../screening/useBureauLabel';
import { StatusBadge, statusLabel, TypeLabel } from './NoticeBadges';
import {
  formatDay,
  NOTICE_KINDS,
  NOTICE_STATUSES,
  NOTICE_TYPES,
  type NoticeStatus,
  type NoticeSummary,
} from './noticesApi';

export type Scope = 'bureau' | 'published' | 'review';

/** The statuses worth filtering on in each list. */
const STATUSES_OF: Record<Scope, readonly NoticeStatus[]> = {
  bureau: NOTICE_STATUSES,
  published: [],
  review: ['submitted', 'under_review', 'info_requested'],
};

export function NoticeList({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation();
  const bureau = useBureauLabel();
  const [type, setType] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const pages = useInfiniteQuery({
    queryKey: ['notices', scope, type, status, kind],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ scope, limit: '25' });
      if (type) q.set('type', type);
      if (status) q.set('status', status);
      if (kind) q.set('kind', kind);
      if (pageParam) q.set('before', pageParam);
      return api.get<{ items: NoticeSummary[]; next: string | null }>(`/notices?${q}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const statuses = STATUSES_OF[scope];
  return (
    <Stack data-testid={`notices-list-${scope}`}>
      <Group align="flex-end">
        <Select
          label={t('notices.list.filterType')}
          placeholder={t('notices.list.all')}
          clearable
          w={200}
          data={NOTICE_TYPES.map((v) => ({ value: v, label: t(`notices.types.${v}.name`) }))}
          value={type}
          onChange={setType}
          data-testid={`filter-type-${scope}`}
        />
        {scope !== 'review' && (
          <Select
            label={t('notices.list.filterKind')}
            placeholder={t('notices.list.all')}
            clearable
            w={180}
            data={NOTICE_KINDS.map((v) => ({ value: v, label: t(`notices.kinds.${v}`) }))}
            value={kind}
            onChange={setKind}
            data-testid={`filter-kind-${scope}`}
          />
        )}
        {statuses.length > 0 && (
          <Select
            label={t('notices.list.filterStatus')}
            placeholder={t('notices.list.all')}
            clearable
            w={220}
            data={statuses.map((v) => ({ value: v, label: statusLabel(t, kind ?? 'notice', v) }))}
            value={status}
            onChange={setStatus}
            data-testid={`filter-status-${scope}`}
          />
        )}
      </Group>
      {pages.error && (
        <Alert color="red">
          {pages.error instanceof ApiError ? pages.error.detail : String(pages.error)}
        </Alert>
      )}
      {pages.isLoading ? (
        <Loader />
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="notices-empty">
          {t(`notices.list.empty.${scope}`)}
        </Text>
      ) : (
        <DataTable
          headers={[
            t('notices.list.type'),
            t('notices.list.kind'),
            t('notices.list.controlNumber'),
            t('notices.list.title'),
            t('notices.list.bureau'),
            t('notices.list.status'),
            t('notices.list.dates'),
          ]}
          testId="notices-table"
        >
          {items.map((n) => (
            <Table.Tr key={n.id} data-testid="notice-row" data-id={n.id}>
              <Table.Td>
                <TypeLabel type={n.type} />
              </Table.Td>
              <Table.Td>{t(`notices.kinds.${n.kind}`)}</Table.Td>
              <Table.Td
                dir="ltr"
                ff="monospace"
                style={{ whiteSpace: 'nowrap' }}
                data-testid="row-control-number"
              >
                {n.controlNumber ?? '—'}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/notices/${n.id}`} dir="auto" data-testid="notice-link">
                  {n.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{bureau(n.requestingBureau)}</Table.Td>
              <Table.Td>
                <StatusBadge kind={n.kind} status={n.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="xs">
                  {t('notices.list.created')}: {formatDay(n.createdAt, i18n.language)}
                </Text>
                {n.publishedAt && (
                  <Text size="xs">
                    {t(n.kind === 'diffusion' ? 'notices.list.sent' : 'notices.list.published')}:{' '}
                    {formatDay(n.publishedAt, i18n.language)}
                  </Text>
                )}
                {n.reviewDate && (
                  <Text size="xs" c="dimmed">
                    {t('notices.list.reviewDate')}: {formatDay(n.reviewDate, i18n.language)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {pages.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
        >
          {t('notices.list.more')}
        </Button>
      )}
    </Stack>
  );
}
