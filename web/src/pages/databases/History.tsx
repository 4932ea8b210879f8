// A record's versions, newest first, each with the change that made it, who made it and when,
// and the fields that differ from the version before.
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../layout/DataTable';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { recordFieldLabel } from './labels';

interface Version {
  version: number;
  change: string;
  at: string;
  by: string;
  record: Record<string, unknown> & { data?: Record<string, unknown> };
}

/** Bookkeeping that changes with every version, or repeats another field: not worth listing. */
const IGNORED = new Set(['version', 'updatedAt', 'updatedBy', 'closedAt', 'label', 'warnings', 'data']);

function changedFields(newer: Version['record'], older: Version['record']): string[] {
  const flat = (r: Version['record']) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (!IGNORED.has(k)) out[k] = v;
    for (const [k, v] of Object.entries(r.data ?? {})) out[`data.${k}`] = v;
    return out;
  };
  const a = flat(newer);
  const b = flat(older);
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
        // The server files each older version under the change that replaced it, at the time and
        // by the person who replaced it: version N was made by what is filed under N-1.
        const older = items[i + 1];
        const at = older ? older.at : String(v.record.createdAt ?? v.at);
        const by = older ? older.by : String(v.record.createdBy ?? v.by);
        const labels = older
          ? [...new Set(changedFields(v.record, older.record).map((f) => recordFieldLabel(t, f)))]
          : [];
        return (
          <Table.Tr key={v.version}>
            <Table.Td>{v.version}</Table.Td>
            <Table.Td>
              {formatTime(at)} · {by}
            </Table.Td>
            <Table.Td>
              <Badge variant="light">
                {t(`records.history.changes.${older ? older.change : 'create'}`, {
                  defaultValue: older?.change,
                })}
              </Badge>
              {i === 0 && (
                <Badge ms="xs" variant="outline">
                  {t('records.history.current')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Stack gap={0}>
                {older ? (
                  labels.map((l) => (
                    <Text key={l} size="sm">
                      {l}
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
