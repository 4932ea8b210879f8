// "Jordan (JO)": a bureau or country code with its name in the console's language, once the list
// of bureaus has come (the bare code until then, or for a code that names no bureau).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, type Bureau } from '../../lib/api';
import { bureauName } from '../../lib/format';

export function useBureauLabel(): (code: string) => string {
  const bureaus = useQuery({
    queryKey: ['bureaus'],
    queryFn: () => api.get<{ items: Bureau[] }>('/bureaus'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const byCode = useMemo(() => new Map((bureaus.data?.items ?? []).map((b) => [b.code, b])), [bureaus.data]);
  return (code) => {
    const b = byCode.get(code);
    return b ? `${bureauName(b.names, code)} (${code})` : code;
  };
}
