// A record's data shown with the labels of its database's schema, in the schema's order (the
// order of the form), with any field the schema does not know at the end.
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { choiceLabel, fieldLabel } from './labels';
import type { JsonSchema } from './recordsApi';

function show(t: ReturnType<typeof useTranslation>['t'], v: unknown, schema?: JsonSchema): string {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return v.map((x) => show(t, x, schema?.items)).join('; ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(
        ([k, x]) =>
          `${fieldLabel(t, k, schema?.properties?.[k]?.title)}: ${show(t, x, schema?.properties?.[k])}`,
      )
      .join(', ');
  }
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'string' && (schema?.enum || schema?.items?.enum)) return choiceLabel(t, v);
  return String(v);
}

export function RecordData({ data, schema }: { data: Record<string, unknown>; schema?: JsonSchema }) {
  const { t } = useTranslation();
  const known = Object.keys(schema?.properties ?? {});
  const keys = [...known.filter((k) => k in data), ...Object.keys(data).filter((k) => !known.includes(k))];
  return (
    <Table withRowBorders={false} data-testid="record-data">
      <Table.Tbody>
        {keys.map((k) => (
          <Table.Tr key={k}>
            <Table.Th w="35%">{fieldLabel(t, k, schema?.properties?.[k]?.title)}</Table.Th>
            {k === 'mrz' ? (
              // Machine-readable lines keep their width and their left-to-right order.
              <Table.Td dir="ltr" ff="monospace" fz="xs" style={{ whiteSpace: 'pre', overflowX: 'auto' }}>
                {String(data[k])}
              </Table.Td>
            ) : (
              <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {show(t, data[k], schema?.properties?.[k])}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
