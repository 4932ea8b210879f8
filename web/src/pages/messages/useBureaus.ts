// The bureaus as choices for the pickers ("Jordan (JO)", sorted in the console's language), and
// the units of one bureau where the reader may list them (its own bureau; any, for the GS).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Bureau } from '../../lib/api';
import { bureauName } from '../../lib/format';

export function useBureaus() {
  const { i18n } = useTranslation();
  const bureaus = useQuery({
    queryKey: ['bureaus'],
    queryFn: () => api.get<{ items: Bureau[] }>('/bureaus'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const items = bureaus.data?.items;
  return useMemo(() => {
    const list = items ?? [];
    const byCode = new Map(list.map((b) => [b.code, b]));
    const label = (code: string) => {
      const b = byCode.get(code);
      return b ? `${bureauName(b.names, code)} (${code})` : code;
    };
    const collator = new Intl.Collator(i18n.language);
    const members = list
      .filter((b) => b.kind === 'member')
      .map((b) => ({ value: b.code, label: label(b.code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    return { loading: !items, byCode, label, members };
  }, [items, i18n.language]);
}

/** A unit that receives messages, from the address book. */
export interface MessagingUnit {
  id: string;
  bureauCode: string;
  name: string;
  kind: string;
}

/** The address book's units of `bureau` (null: none asked): those that receive messages. */
export function useUnitsOf(bureau: string | null) {
  return useQuery({
    queryKey: ['messaging-units', bureau],
    queryFn: () => api.get<{ items: MessagingUnit[] }>(`/messaging/units?bureau=${bureau}`),
    enabled: Boolean(bureau),
    retry: false,
    staleTime: 60_000,
  });
}
