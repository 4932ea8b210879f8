// The dashboard's charts: frozen and returned side by side, by month (a column per month) and by
// fraud type or country (a bar per group, longest first). Right-to-left languages read them from
// the right: the axis of amounts moves to the right and time runs leftwards.
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCompact } from './figuresFormat';

export interface ChartRow {
  label: string;
  frozen: number;
  returned: number;
}

/**
 * The axis of labels or amounts: on the left, or for a right-to-left language on the right with
 * its labels written from the axis outwards (recharts anchors them for a left axis otherwise).
 */
function labelAxis(rtl: boolean, width: number) {
  return rtl
    ? {
        orientation: 'right' as const,
        width,
        tick: {
          transform: 'translate(10, 0)',
          fontSize: 12,
          fill: 'currentColor',
          textAnchor: 'start' as const,
        },
      }
    : { orientation: 'left' as const, width };
}

function useSeries() {
  const { t } = useTranslation();
  return [
    { name: 'frozen', label: t('payments.figures.frozen'), color: 'indigo.6' },
    { name: 'returned', label: t('payments.figures.returned'), color: 'teal.5' },
  ];
}

export function FiguresByMonthChart({ rows, currency }: { rows: ChartRow[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const series = useSeries();
  const rtl = i18n.dir() === 'rtl';
  if (!rows.some((r) => r.frozen > 0 || r.returned > 0)) {
    return <Text c="dimmed">{t('payments.figures.nothingInUnit')}</Text>;
  }
  return (
    <BarChart
      h={280}
      data={rows}
      dataKey="label"
      series={series}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 40 }}
      valueFormatter={(v) => formatCompact(v, currency, i18n.language)}
      xAxisProps={{ reversed: rtl }}
      yAxisProps={labelAxis(rtl, 100)}
      maxBarWidth={28}
      data-testid="figures-chart-month"
    />
  );
}

export function FiguresBreakdownChart({
  rows,
  currency,
  testId,
}: {
  rows: ChartRow[];
  currency: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const series = useSeries();
  const rtl = i18n.dir() === 'rtl';
  const shown = rows.filter((r) => r.frozen > 0 || r.returned > 0).sort((a, b) => b.frozen - a.frozen);
  if (shown.length === 0) return <Text c="dimmed">{t('payments.figures.nothingInUnit')}</Text>;
  return (
    <BarChart
      h={Math.max(180, 56 * shown.length + 60)}
      data={shown}
      dataKey="label"
      orientation="vertical"
      series={series}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 40 }}
      valueFormatter={(v) => formatCompact(v, currency, i18n.language)}
      xAxisProps={{ reversed: rtl }}
      yAxisProps={labelAxis(rtl, 170)}
      gridAxis="y"
      maxBarWidth={18}
      data-testid={testId}
    />
  );
}
