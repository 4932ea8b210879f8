// The payments figures as the server gives them (GET /payments/figures): amounts frozen and
// returned per currency (minor units, as text) and in US cents (as text: integer arithmetic on
// the server), for everything the reader's bureau may see, by receiving country, fraud type and
// month of the report. The server takes no filter; the dashboard chooses what to show of it.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface FigureTotals {
  frozen: Record<string, string>;
  returned: Record<string, string>;
  frozenUsdCents: string;
  returnedUsdCents: string;
  /** Transactions with money frozen or returned but no rate for their day: not in the US totals. */
  unconverted: number;
}

export interface FigureGroup extends FigureTotals {
  key: string;
}

export interface PaymentFigures {
  cases: number;
  transactions: number;
  total: FigureTotals;
  byCountry: FigureGroup[];
  byFraudType: FigureGroup[];
  byMonth: FigureGroup[];
  medianMinutesToFreeze: number | null;
}

export const FIGURES_CSV_URL = '/api/v1/payments/figures.csv';

export function useFigures() {
  return useQuery({
    queryKey: ['payments', 'figures'],
    queryFn: () => api.get<PaymentFigures>('/payments/figures'),
  });
}

/** What the charts measure: US dollars (every currency with a rate), or one currency as it is. */
export type FiguresUnit = { kind: 'usd' } | { kind: 'currency'; code: string };

/** Frozen and returned of a group in `unit`, as minor units (text) of the unit's currency. */
export function amountsIn(t: FigureTotals, unit: FiguresUnit): { frozen: string; returned: string } {
  if (unit.kind === 'usd') return { frozen: t.frozenUsdCents, returned: t.returnedUsdCents };
  return { frozen: t.frozen[unit.code] ?? '0', returned: t.returned[unit.code] ?? '0' };
}

/** Every month from the first to the last "YYYY-MM" given, so a month with nothing shows as nothing. */
export function monthsBetween(keys: string[]): string[] {
  if (keys.length === 0) return [];
  const sorted = [...keys].sort();
  const [fy, fm] = sorted[0]!.split('-').map(Number) as [number, number];
  const last = sorted[sorted.length - 1]!;
  const out: string[] = [];
  for (let y = fy, m = fm; out.length < 240; m++) {
    if (m > 12) {
      y++;
      m = 1;
    }
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
  }
  return out;
}
