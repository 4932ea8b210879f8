// The payments figures dashboard: what was frozen and returned, in US dollars or in one currency,
// by month of the report, fraud type and receiving country; the median time from report to
// freeze; the exact amounts; and the CSV the server makes of them. The server decides which
// transactions count (those of the cases the reader's bureau opened or received, each passed
// through the access policy), so every reader sees honest figures of what they may see.
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../lib/api';
import { useBureauLabel } from '../screening/useBureauLabel';
import { type ChartRow, FiguresBreakdownChart, FiguresByMonthChart } from './FiguresCharts';
import { FiguresStats } from './FiguresStats';
import { FiguresByCurrency, FiguresDetail } from './FiguresTables';
import {
  amountsIn,
  FIGURES_CSV_URL,
  type FigureGroup,
  type FiguresUnit,
  monthsBetween,
  useFigures,
} from './figuresApi';
import { formatMonth, toMajorNumber } from './figuresFormat';

export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const figures = useFigures();
  const bureauLabel = useBureauLabel();
  const [unitValue, setUnitValue] = useState('USD_CONVERTED');
  const lang = i18n.language;

  const header = (
    <Group justify="space-between" align="flex-start">
      <Stack gap={2} maw={760}>
        <Anchor component={Link} to="/payments" size="sm">
          {t('payments.figures.back')}
        </Anchor>
        <Title order={2} data-testid="figures-title">
          {t('payments.figures.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('payments.figures.intro')}
        </Text>
      </Stack>
      {/* A plain link: the browser sends the session cookie and saves the server's attachment. */}
      {(figures.data?.transactions ?? 0) > 0 && (
        <Button component="a" href={FIGURES_CSV_URL} download variant="default" data-testid="figures-csv">
          {t('payments.figures.download')}
        </Button>
      )}
    </Group>
  );

  if (figures.isLoading) {
    return (
      <Stack maw={1300}>
        {header}
        <Loader />
      </Stack>
    );
  }
  if (figures.error || !figures.data) {
    return (
      <Stack maw={1300}>
        {header}
        <Alert color="red" data-testid="figures-error">
          {figures.error instanceof ApiError ? figures.error.detail : t('payments.figures.error')}
        </Alert>
      </Stack>
    );
  }
  const f = figures.data;
  if (f.transactions === 0) {
    return (
      <Stack maw={1300}>
        {header}
        <Alert color="gray" title={t('payments.figures.emptyTitle')} data-testid="figures-empty">
          {t('payments.figures.empty')}
        </Alert>
      </Stack>
    );
  }

  const currencies = Object.keys(f.total.frozen).sort();
  const unit: FiguresUnit =
    unitValue === 'USD_CONVERTED' || !currencies.includes(unitValue)
      ? { kind: 'usd' }
      : { kind: 'currency', code: unitValue };
  const currency = unit.kind === 'usd' ? 'USD' : unit.code;
  const row = (label: string, g: FigureGroup | undefined): ChartRow => {
    const a = g ? amountsIn(g, unit) : { frozen: '0', returned: '0' };
    return {
      label,
      frozen: toMajorNumber(a.frozen, currency),
      returned: toMajorNumber(a.returned, currency),
    };
  };
  const byMonth = new Map(f.byMonth.map((g) => [g.key, g]));
  const months = monthsBetween(f.byMonth.map((g) => g.key)).map((m) =>
    row(formatMonth(m, lang), byMonth.get(m)),
  );
  const labelOf = (grouping: 'byCountry' | 'byFraudType' | 'byMonth', key: string) =>
    grouping === 'byCountry'
      ? bureauLabel(key)
      : grouping === 'byFraudType'
        ? t(`payments.fraudTypes.${key}`)
        : formatMonth(key, lang);

  return (
    <Stack maw={1300} data-testid="figures-page">
      {header}
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('payments.figures.unit')}
          value={unitValue}
          onChange={(v) => setUnitValue(v ?? 'USD_CONVERTED')}
          allowDeselect={false}
          data={[
            { value: 'USD_CONVERTED', label: t('payments.figures.unitUsd') },
            ...currencies.map((c) => ({
              value: c,
              label: t('payments.figures.unitCurrency', { currency: c }),
            })),
          ]}
          w={300}
          data-testid="figures-unit"
        />
        <Text size="xs" c="dimmed" maw={620}>
          {unit.kind === 'usd' ? t('payments.figures.unitUsdNote') : t('payments.figures.unitCurrencyNote')}
        </Text>
      </Group>
      {unit.kind === 'usd' && f.total.unconverted > 0 && (
        <Alert color="yellow" data-testid="figures-unconverted">
          {t('payments.figures.unconverted', { n: new Intl.NumberFormat(lang).format(f.total.unconverted) })}
        </Alert>
      )}
      <FiguresStats figures={f} unit={unit} />
      <Card withBorder padding="md">
        <Title order={4} mb={4}>
          {t('payments.figures.byMonth')}
        </Title>
        <Text size="xs" c="dimmed" mb="md">
          {t('payments.figures.byMonthNote')}
        </Text>
        <FiguresByMonthChart rows={months} currency={currency} />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="md">
          <Title order={4} mb="md">
            {t('payments.figures.byFraudType')}
          </Title>
          <FiguresBreakdownChart
            rows={f.byFraudType.map((g) => row(t(`payments.fraudTypes.${g.key}`), g))}
            currency={currency}
            testId="figures-chart-fraud"
          />
        </Card>
        <Card withBorder padding="md">
          <Title order={4} mb="md">
            {t('payments.figures.byCountry')}
          </Title>
          <FiguresBreakdownChart
            rows={f.byCountry.map((g) => row(bureauLabel(g.key), g))}
            currency={currency}
            testId="figures-chart-country"
          />
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FiguresByCurrency figures={f} />
        <FiguresDetail figures={f} unit={unit} labelOf={labelOf} />
      </SimpleGrid>
    </Stack>
  );
}
