// One database's records that the officer may see, newest first; "only my bureau's" narrows to
// what one's bureau owns, and the status to active or closed ones. Pages come with the server's cursor.
import { Alert, Button, Checkbox, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { dbDescription, dbName } from './labels';
import { RecordList } from './RecordList';
import { type RecordDto, useDatabase } from './recordsApi';

export function DatabaseRecordsPage() {
  const { t } = useTranslation();
  const { db } = useParams();
  const { principal } = useAuth();
  const { database } = useDatabase(db);
  const [mine, setMine] = useState(false);
  const [status, setStatus] = useState('active');
  const pages = useInfiniteQuery({
    queryKey: ['records', db, mine, status],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '25' });
      if (mine && principal) q.set('owner', principal.bureau.code);
      if (status !== 'all') q.set('status', status);
      if (pageParam) q.set('cursor', pageParam);
      return api.get<{ items: RecordDto[]; nextCursor: string | null }>(`/databases/${db}/records?${q}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={2} data-testid="database-title">
            {dbName(t, db ?? '')}
          </Title>
          <Text size="sm" c="dimmed">
            {dbDescription(t, db ?? '')}
          </Text>
        </Stack>
        <Group>
          {database?.canCreate && (
            <Button component={Link} to={`/databases/${db}/new`} data-testid="new-record">
              {t('records.catalogue.new')}
            </Button>
          )}
          {database?.canCreate && (
            <Button variant="light" component={Link} to={`/databases/${db}/import`}>
              {t('records.catalogue.import')}
            </Button>
          )}
        </Group>
      </Group>
      <Group>
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={['active', 'closed', 'all'].map((s) => ({ value: s, label: t(`records.list.filter.${s}`) }))}
          data-testid="status-filter"
        />
        <Checkbox
          label={t('records.list.onlyMine')}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
          data-testid="only-mine"
        />
      </Group>
      {pages.error && <Alert color="red">{String(pages.error)}</Alert>}
      {pages.isLoading ? (
        <Loader />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('records.list.empty')}</Text>
      ) : (
        <RecordList items={items} />
      )}
      {pages.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
          data-testid="load-more"
        >
          {t('records.list.more')}
        </Button>
      )}
    </Stack>
  );
}
