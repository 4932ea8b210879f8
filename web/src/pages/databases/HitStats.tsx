// How many hits per database and per bureau: one's own bureau's, or all of them at the General
// Secretariat (the server decides the scope).
import { Card, SimpleGrid, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../layout/DataTable';
import { api } from '../../lib/api';
import { dbName } from './labels';

interface Stats {
  scope: string;
  byDatabase: { database: string; received: number; made: number; total: number }[];
  byBureau: { bureau: string; received: number; made: number }[];
}

export function HitStats() {
  const { t } = useTranslation();
  const stats = useQuery({ queryKey: ['hits', 'stats'], queryFn: () => api.get<Stats>('/hits/stats') });
  if (!stats.data) return null;
  const counts = [t('records.hits.receivedCount'), t('records.hits.madeCount')];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="hit-stats">
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('records.hits.byDatabase')}
        </Text>
        <DataTable headers={[t('records.list.database'), ...counts, t('records.hits.total')]}>
          {stats.data.byDatabase.map((d) => (
            <Table.Tr key={d.database}>
              <Table.Td>{dbName(t, d.database)}</Table.Td>
              <Table.Td>{d.received}</Table.Td>
              <Table.Td>{d.made}</Table.Td>
              <Table.Td>{d.total}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('records.hits.byBureau')}
        </Text>
        <DataTable headers={[t('records.hits.bureau'), ...counts]}>
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
  );
}
