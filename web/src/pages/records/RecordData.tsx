// A record's data shown with the labels of its database's schema.
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
  if (typeof v === 'string' && (schema?.enum || schema?.items?.enum)) return choiceLabel(t, v);
  return String(v);
}

export function RecordData({ data, schema }: { data: Record<string, unknown>; schema?: JsonSchema }) {
  const { t } = useTranslation();
  return (
    <Table withRowBorders={false} data-testid="record-data">
      <Table.Tbody>
        {Object.entries(data).map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w="35%">{fieldLabel(t, k, schema?.properties?.[k]?.title)}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {show(t, v, schema?.properties?.[k])}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
