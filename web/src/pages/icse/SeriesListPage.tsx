// /icse/series — the series every child-protection unit shares, latest changed first, each with
// its status (a victim still to identify, or all identified), found by name; and a new one.
import { Alert, Anchor, Badge, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../lib/format';
import { useBureaus } from '../messages/useBureaus';
import { IcseNav } from './IcseNav';
import { detailOf, useSeriesList } from './icseApi';
import { NewSeriesForm } from './NewSeriesForm';
import { StatusBadge } from './StatusBadge';

export function SeriesListPage() {
  const { t } = useTranslation();
  const bureaus = useBureaus();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useSeriesList(q, 100);
  const items = list.data?.items ?? [];

  return (
    <Stack maw={1400}>
      <IcseNav />
      <Group align="flex-end" justify="space-between">
        <TextInput
          label={t('icse.seriesList.search')}
          placeholder={t('icse.seriesList.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={360}
          data-testid="series-search"
        />
        <NewSeriesForm />
      </Group>
      {list.error && <Alert color="red">{detailOf(list.error)}</Alert>}
      {list.isLoading && <Loader />}
      {list.data && items.length === 0 && (
        <Text c="dimmed" data-testid="series-none">
          {q ? t('icse.seriesList.noMatch') : t('icse.seriesList.none')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover data-testid="series-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('icse.seriesList.name')}</Table.Th>
                <Table.Th>{t('icse.seriesList.status')}</Table.Th>
                <Table.Th>{t('icse.seriesList.victims')}</Table.Th>
                <Table.Th>{t('icse.seriesList.offenders')}</Table.Th>
                <Table.Th>{t('icse.seriesList.media')}</Table.Th>
                <Table.Th>{t('icse.seriesList.owner')}</Table.Th>
                <Table.Th>{t('icse.seriesList.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => {
                const identified = s.victims.filter((v) => v.identified).length;
                return (
                  <Table.Tr key={s.id} data-testid="series-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/icse/series/${s.id}`} fw={600} dir="auto">
                        {s.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={s.status} size="sm" short />
                    </Table.Td>
                    <Table.Td>
                      {s.victims.length === 0 ? (
                        <Badge size="sm" variant="outline" color="gray">
                          {t('icse.seriesList.noVictim')}
                        </Badge>
                      ) : (
                        t('icse.seriesList.identifiedOf', { identified, count: s.victims.length })
                      )}
                    </Table.Td>
                    <Table.Td>{s.offenders.length}</Table.Td>
                    <Table.Td>{s.mediaCount}</Table.Td>
                    <Table.Td>{bureaus.label(s.ownerBureau)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{formatTime(s.updatedAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
