// The bureaus as choices for the pickers ("Jordan (JO)", sorted in the console's language), and
// the units of one bureau where the reader may list them (its own bureau; any, for the GS).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Bureau, type Unit } from '../../lib/api';
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

/** Units of `bureau` (null: none asked); a 404 means the reader may not list that bureau's units. */
export function useUnitsOf(bureau: string | null) {
  return useQuery({
    queryKey: ['units', bureau],
    queryFn: () => api.get<{ items: Unit[] }>(`/bureaus/${bureau}/units`),
    enabled: Boolean(bureau),
    retry: false,
    staleTime: 60_000,
  });
}
