// The exact figures behind the charts: every currency as it was frozen and returned (in its own
// minor units, never converted), and each grouping's amounts in the chosen unit.
import { Card, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountsIn, type FigureGroup, type FiguresUnit, type PaymentFigures } from './figuresApi';
import { formatAmount } from './figuresFormat';

const num = { style: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } } as const;

export function FiguresByCurrency({ figures }: { figures: PaymentFigures }) {
  const { t, i18n } = useTranslation();
  const currencies = Object.keys(figures.total.frozen).sort();
  return (
    <Card withBorder padding="md" data-testid="figures-currencies">
      <Title order={4} mb="xs">
        {t('payments.figures.byCurrency')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('payments.figures.byCurrencyNote')}
      </Text>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payments.figures.currency')}</Table.Th>
            <Table.Th ta="end">{t('payments.figures.frozen')}</Table.Th>
            <Table.Th ta="end">{t('payments.figures.returned')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {currencies.map((c) => (
            <Table.Tr key={c} data-testid={`figures-currency-${c}`}>
              <Table.Td>{c}</Table.Td>
              <Table.Td ta="end" {...num}>
                {formatAmount(figures.total.frozen[c] ?? '0', c, i18n.language)}
              </Table.Td>
              <Table.Td ta="end" {...num}>
                {formatAmount(figures.total.returned[c] ?? '0', c, i18n.language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

const GROUPINGS = ['byCountry', 'byFraudType', 'byMonth'] as const;

export function FiguresDetail({
  figures,
  unit,
  labelOf,
}: {
  figures: PaymentFigures;
  unit: FiguresUnit;
  labelOf: (grouping: (typeof GROUPINGS)[number], key: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const [grouping, setGrouping] = useState<(typeof GROUPINGS)[number]>('byCountry');
  const currency = unit.kind === 'usd' ? 'USD' : unit.code;
  const rows: FigureGroup[] = figures[grouping];
  return (
    <Card withBorder padding="md" data-testid="figures-detail">
      <Stack gap="sm">
        <Title order={4}>{t('payments.figures.detail')}</Title>
        <SegmentedControl
          value={grouping}
          onChange={(v) => setGrouping(v as (typeof GROUPINGS)[number])}
          data={GROUPINGS.map((g) => ({ value: g, label: t(`payments.figures.${g}`) }))}
        />
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`payments.figures.${grouping}Column`)}</Table.Th>
              <Table.Th ta="end">{t('payments.figures.frozen')}</Table.Th>
              <Table.Th ta="end">{t('payments.figures.returned')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((g) => {
              const a = amountsIn(g, unit);
              return (
                <Table.Tr key={g.key} data-testid={`figures-row-${g.key}`}>
                  <Table.Td>{labelOf(grouping, g.key)}</Table.Td>
                  <Table.Td ta="end" {...num}>
                    {formatAmount(a.frozen, currency, i18n.language)}
                  </Table.Td>
                  <Table.Td ta="end" {...num}>
                    {formatAmount(a.returned, currency, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
