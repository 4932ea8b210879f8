// A record's versions, newest first, each with the fields that changed from the one before.
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../layout/DataTable';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { fieldLabel } from './labels';

interface Version {
  version: number;
  change: string;
  at: string;
  by: string;
  record: Record<string, unknown> & { data?: Record<string, unknown> };
}

function changedFields(newer: Version['record'], older: Version['record']): string[] {
  const flat = (r: Version['record']) => ({
    ...r,
    ...(r.data ?? {}),
    data: undefined,
    version: undefined,
    updatedAt: undefined,
    updatedBy: undefined,
  });
  const a = flat(newer) as Record<string, unknown>;
  const b = flat(older) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
}

export function History({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['history', recordId],
    queryFn: () => api.get<{ items: Version[] }>(`/records/${recordId}/history`),
  });
  const items = history.data?.items ?? [];
  if (items.length === 0) return <Text c="dimmed">{t('common.loading')}</Text>;
  return (
    <DataTable
      headers={[
        t('records.history.version'),
        t('records.history.when'),
        t('records.history.change'),
        t('records.history.fields'),
      ]}
      testId="history"
    >
      {items.map((v, i) => {
        // Version N came from N-1 by the change N-1 records (update, close, import); the first was created.
        const older = items[i + 1];
        return (
          <Table.Tr key={v.version}>
            <Table.Td>{v.version}</Table.Td>
            <Table.Td>
              {formatTime(v.at)} · {v.by}
            </Table.Td>
            <Table.Td>
              <Badge variant="light">{t(`records.history.changes.${older ? older.change : 'create'}`)}</Badge>
              {i === 0 && (
                <Badge ms="xs" variant="outline">
                  {t('records.history.current')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Stack gap={0}>
                {older ? (
                  changedFields(v.record, older.record).map((f) => (
                    <Text key={f} size="sm">
                      {fieldLabel(t, f)}
                    </Text>
                  ))
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('records.history.created')}
                  </Text>
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
