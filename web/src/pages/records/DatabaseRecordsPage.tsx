// One database's records that the officer may see, newest first; "only my bureau's" narrows to
// what one's bureau owns. Pages come with the server's cursor.
import { Alert, Button, Checkbox, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { dbName } from './labels';
import { RecordList } from './RecordList';
import { type RecordDto, useDatabase } from './recordsApi';

export function DatabaseRecordsPage() {
  const { t } = useTranslation();
  const { db } = useParams();
  const { principal } = useAuth();
  const { database } = useDatabase(db);
  const [mine, setMine] = useState(false);
  const pages = useInfiniteQuery({
    queryKey: ['records', db, mine],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '25' });
      if (mine && principal) q.set('owner', principal.bureau.code);
      if (pageParam) q.set('cursor', pageParam);
      return api.get<{ items: RecordDto[]; nextCursor: string | null }>(`/databases/${db}/records?${q}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{dbName(t, db ?? '')}</Title>
        <Group>
          {database?.canCreate && (
            <Button component={Link} to={`/databases/${db}/new`}>
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
      <Checkbox
        label={t('records.list.onlyMine')}
        checked={mine}
        onChange={(e) => setMine(e.currentTarget.checked)}
      />
      {pages.error && <Alert color="red">{String(pages.error)}</Alert>}
      {pages.isLoading ? (
        <Loader />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('records.list.empty')}</Text>
      ) : (
        <RecordList items={items} />
      )}
      {pages.hasNextPage && (
        <Button variant="default" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('records.list.more')}
        </Button>
      )}
    </Stack>
  );
}
