// The four numbers at the top of the dashboard: frozen, returned (and its share of what was
// frozen), cases and transactions counted, and the median time from report to freeze.
import { Card, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { amountsIn, type FiguresUnit, type PaymentFigures } from './figuresApi';
import { formatAmount, formatMinutes, formatShare } from './figuresFormat';

function Stat({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: ReactNode;
  testId: string;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text
        // A long amount ("5,283,457.60 US$" in Arabic) is set smaller to stay on one line in its
        // card: broken anywhere, its currency would be cut in two and reordered by the bidi rules.
        fz={value.length <= 14 ? 24 : value.length <= 18 ? 20 : 17}
        fw={700}
        lh={1.3}
        data-testid={`${testId}-value`}
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed" mt={4}>
          {note}
        </Text>
      )}
    </Card>
  );
}

export function FiguresStats({ figures, unit }: { figures: PaymentFigures; unit: FiguresUnit }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const currency = unit.kind === 'usd' ? 'USD' : unit.code;
  const { frozen, returned } = amountsIn(figures.total, unit);
  const share = formatShare(returned, frozen, lang);
  const number = new Intl.NumberFormat(lang);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      <Stat
        label={t('payments.figures.frozen')}
        value={formatAmount(frozen, currency, lang)}
        note={t('payments.figures.frozenNote')}
        testId="figures-frozen"
      />
      <Stat
        label={t('payments.figures.returnedToVictims')}
        value={formatAmount(returned, currency, lang)}
        note={share ? t('payments.figures.returnedShare', { share }) : undefined}
        testId="figures-returned"
      />
      <Stat
        label={t('payments.figures.cases')}
        value={number.format(figures.cases)}
        note={t('payments.figures.transactions', { n: number.format(figures.transactions) })}
        testId="figures-cases"
      />
      <Stat
        label={t('payments.figures.median')}
        value={
          figures.medianMinutesToFreeze === null
            ? t('payments.figures.medianNone')
            : formatMinutes(figures.medianMinutesToFreeze, lang)
        }
        note={t('payments.figures.medianNote')}
        testId="figures-median"
      />
    </SimpleGrid>
  );
}
