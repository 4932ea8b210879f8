// A part's status, a transaction's outcome and a due time's clock, the same on every page; and
// country names in the console's language (a bureau's, else the browser's name of the region).
import { Badge, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Bureau } from '../../lib/api';
import { bureauName, formatTime } from '../../lib/format';
import { formatDuration } from './clock';
import type { Outcome, PartStatus } from './paymentsApi';

const STATUS_COLOURS: Record<PartStatus, string> = {
  sent: 'blue',
  acknowledged: 'cyan',
  forwarded: 'violet',
  answered: 'green',
};

export function PartStatusBadge({ status }: { status: PartStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOURS[status]}
      variant="light"
      style={{ flexShrink: 0 }}
      data-testid="part-status"
      data-status={status}
    >
      {t(`payments.statuses.${status}`)}
    </Badge>
  );
}

const OUTCOME_COLOURS: Record<Outcome, string> = {
  pending: 'gray',
  frozen: 'teal',
  partly_frozen: 'lime',
  moved_on: 'orange',
  not_found: 'dark',
  released: 'yellow',
  returned: 'green',
};

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <Badge
      style={{ flexShrink: 0 }}
      color={OUTCOME_COLOURS[outcome]}
      variant={outcome === 'returned' ? 'filled' : 'light'}
      data-testid="outcome"
      data-outcome={outcome}
    >
      {t(`payments.outcomes.${outcome}`)}
    </Badge>
  );
}

/**
 * Time left before `dueAt` (ticking with `now`), or in red how long it is overdue; once done,
 * when it was done.
 */
export function DueClock({
  dueAt,
  doneAt,
  now,
  testId,
}: {
  dueAt: string;
  doneAt?: string | null;
  now: number;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  if (doneAt) {
    const late = Date.parse(doneAt) > Date.parse(dueAt);
    return (
      <Text size="sm" c={late ? 'orange.8' : 'dimmed'} data-testid={testId} data-state="done">
        {t(late ? 'payments.clock.doneLate' : 'payments.clock.done', { at: formatTime(doneAt) })}
      </Text>
    );
  }
  const left = Date.parse(dueAt) - now;
  const duration = formatDuration(left, i18n.language) ?? t('payments.clock.lessThanMinute');
  const overdue = left < 0;
  return (
    <Text
      size="sm"
      fw={overdue ? 700 : 500}
      c={overdue ? 'red.7' : left < 60 * 60_000 ? 'orange.8' : undefined}
      title={formatTime(dueAt)}
      data-testid={testId}
      data-state={overdue ? 'overdue' : 'running'}
    >
      {t(overdue ? 'payments.clock.overdue' : 'payments.clock.left', { duration })}
    </Text>
  );
}

/** "Nigeria": a country's name in the console's language. */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const bureaus = useQuery({
    queryKey: ['bureaus'],
    queryFn: () => api.get<{ items: Bureau[] }>('/bureaus'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const byCode = useMemo(() => new Map((bureaus.data?.items ?? []).map((b) => [b.code, b])), [bureaus.data]);
  const regions = useMemo(() => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'region' });
    } catch {
      return null;
    }
  }, [i18n.language]);
  return (code) => {
    const b = byCode.get(code);
    if (b) return bureauName(b.names, code);
    return regions?.of(code) ?? code;
  };
}

/** "Nigeria, Brazil": a list of names with the separators of the console's language. */
export function useListFormat(): (items: string[]) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    try {
      const f = new Intl.ListFormat(i18n.language, { style: 'short', type: 'unit' });
      return (items: string[]) => f.format(items);
    } catch {
      return (items: string[]) => items.join(', ');
    }
  }, [i18n.language]);
}

/** Which member bureaus exist (a country without one cannot receive a request); null until known. */
export function useMemberBureaus(): Set<string> | null {
  const bureaus = useQuery({
    queryKey: ['bureaus'],
    queryFn: () => api.get<{ items: Bureau[] }>('/bureaus'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return useMemo(
    () =>
      bureaus.data ? new Set(bureaus.data.items.filter((b) => b.kind === 'member').map((b) => b.code)) : null,
    [bureaus.data],
  );
}
