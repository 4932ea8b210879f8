// Records as a table: what they are, who owns them, how they are shared, their state.
import { Anchor, Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../layout/DataTable';
import { formatTime } from '../../lib/format';
import { choiceLabel, dbName } from './labels';
import type { RecordDto } from './recordsApi';

export function SharingBadge({ record }: { record: Pick<RecordDto, 'restriction' | 'handling'> }) {
  const { t } = useTranslation();
  const r = record.restriction;
  const who =
    r.mode === 'everyone'
      ? t('records.restriction.everyone')
      : `${t(`records.restriction.${r.mode}`)} ${r.bureaus.join(', ')}`;
  return (
    <Badge
      variant="light"
      color={record.handling === 'official' || record.handling === 'public' ? 'gray' : 'orange'}
    >
      {t(`records.handling.${record.handling}`)} · {who}
    </Badge>
  );
}

export function RecordList({ items, showDatabase }: { items: RecordDto[]; showDatabase?: boolean }) {
  const { t } = useTranslation();
  const headers = [
    t('records.list.record'),
    ...(showDatabase ? [t('records.list.database')] : []),
    t('records.list.owner'),
    t('records.list.sharing'),
    t('records.list.status'),
    t('records.list.updated'),
  ];
  return (
    <DataTable headers={headers} testId="record-list">
      {items.map((r) => (
        <Table.Tr key={r.id}>
          <Table.Td>
            <Anchor component={Link} to={`/records/${r.id}`}>
              {r.label}
            </Anchor>
          </Table.Td>
          {showDatabase && <Table.Td>{dbName(t, r.database)}</Table.Td>}
          <Table.Td>{r.ownerBureau}</Table.Td>
          <Table.Td>
            <SharingBadge record={r} />
          </Table.Td>
          <Table.Td>
            {r.status === 'active'
              ? t('records.status.active')
              : t('records.status.closed', { reason: choiceLabel(t, r.closeReason ?? '') })}
          </Table.Td>
          <Table.Td>{formatTime(r.updatedAt)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
