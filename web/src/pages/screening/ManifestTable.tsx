// A checked manifest, row by row: hits first, then rows that could not be read, then the rest;
// a page at a time (a manifest may hold 10,000 travellers), optionally only hits and invalid.
import { Group, Pagination, Stack, Switch, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../layout/DataTable';
import { HitLine, Reasons, StatusBadge } from './Hits';
import type { ManifestRow } from './manifest';
import type { ItemResult, Status } from './screeningApi';

const PAGE = 100;
const ORDER: Record<Status, number> = { hit: 0, invalid: 1, no_hit: 2 };

export interface Checked {
  row: ManifestRow;
  result: ItemResult;
}

function nameOf({ row, result }: Checked) {
  return result.person?.name ?? row.cells.name ?? '—';
}

function documentOf({ row, result }: Checked) {
  const d = result.document;
  if (d) return `${d.number} (${d.issuingCountry})`;
  const { documentNumber: n, issuingCountry: c } = row.cells;
  return n ? `${n}${c ? ` (${c})` : ''}` : '—';
}

export function ManifestTable({ checked }: { checked: Checked[] }) {
  const { t } = useTranslation();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(1);
  const sorted = useMemo(
    () =>
      checked
        .filter((c) => !onlyProblems || c.result.status !== 'no_hit')
        .sort((a, b) => ORDER[a.result.status] - ORDER[b.result.status] || a.row.row - b.row.row),
    [checked, onlyProblems],
  );
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
  const shown = sorted.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);

  return (
    <Stack>
      <Group justify="space-between">
        <Switch
          label={t('screening.manifest.onlyProblems')}
          checked={onlyProblems}
          onChange={(e) => {
            setOnlyProblems(e.currentTarget.checked);
            setPage(1);
          }}
          data-testid="manifest-only-problems"
        />
        {pages > 1 && <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} size="sm" />}
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed">{t('screening.manifest.noRows')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <DataTable
            headers={[
              t('screening.manifest.row'),
              t('screening.manifest.name'),
              t('screening.manifest.document'),
              t('screening.manifest.status'),
              t('screening.manifest.details'),
            ]}
            testId="manifest-table"
          >
            {shown.map((c) => (
              <Table.Tr
                key={c.row.row}
                data-testid={`manifest-row-${c.row.row}`}
                data-status={c.result.status}
                bg={c.result.status === 'hit' ? 'red.0' : undefined}
              >
                <Table.Td>{c.row.row}</Table.Td>
                <Table.Td>{nameOf(c)}</Table.Td>
                <Table.Td ff="monospace" dir="ltr" ta="start">
                  {documentOf(c)}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.result.status} />
                </Table.Td>
                <Table.Td>
                  {c.result.status === 'invalid' && <Reasons reasons={c.result.reasons ?? []} />}
                  {(c.result.hits ?? []).map((h) => (
                    <HitLine key={`${h.check}:${h.recordId}`} hit={h} />
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
