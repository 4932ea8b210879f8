// The hit inbox: every time another bureau found one of ours (received), and the hits our bureau
// made (sent); new ones first marked. The inbox is refreshed by the event stream (HitAlerts).
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { HitCard } from './HitCard';
import { HitStats } from './HitStats';
import { dbName } from './labels';
import { type Hit, useCatalogue } from './recordsApi';

export function HitsPage() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const [box, setBox] = useState('received');
  const [unseen, setUnseen] = useState(false);
  const [database, setDatabase] = useState<string | null>(null);
  const hits = useInfiniteQuery({
    queryKey: ['hits', box, unseen, database],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ box, limit: '25' });
      if (unseen && box === 'received') q.set('unseen', 'true');
      if (database) q.set('database', database);
      if (pageParam) q.set('cursor', pageParam);
      return api.get<{ items: Hit[]; nextCursor: string | null }>(`/hits?${q}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = hits.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('records.hits.title')}</Title>
      <Group>
        <SegmentedControl
          value={box}
          onChange={setBox}
          data={[
            { value: 'received', label: t('records.hits.received') },
            { value: 'sent', label: t('records.hits.sent') },
          ]}
          data-testid="hit-box"
        />
        <Select
          placeholder={t('records.search.allDatabases')}
          clearable
          data={(catalogue.data?.items ?? [])
            .filter((d) => d.canRead)
            .map((d) => ({ value: d.id, label: dbName(t, d.id) }))}
          value={database}
          onChange={setDatabase}
          aria-label={t('records.list.database')}
        />
        {box === 'received' && (
          <Checkbox
            label={t('records.hits.onlyUnseen')}
            checked={unseen}
            onChange={(e) => setUnseen(e.currentTarget.checked)}
          />
        )}
      </Group>
      {hits.error && <Alert color="red">{String(hits.error)}</Alert>}
      <Stack gap="xs" data-testid="hit-list">
        {hits.isLoading && <Loader />}
        {!hits.isLoading && items.length === 0 && <Text c="dimmed">{t('records.hits.none')}</Text>}
        {items.map((h) => (
          <HitCard key={h.id} hit={h} box={box} />
        ))}
      </Stack>
      {hits.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => hits.fetchNextPage()}
          loading={hits.isFetchingNextPage}
        >
          {t('records.list.more')}
        </Button>
      )}
      <HitStats />
    </Stack>
  );
}
