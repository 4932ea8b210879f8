// Figures of payment interventions: amounts frozen (intercepted) and returned, by currency and
// converted to US dollars with the operator's dated rates (the latest rate on or before the day
// of the transaction; integer arithmetic), by receiving country, fraud type and month of the
// report; and the median time from report to freeze. The General Secretariat sees every case; a
// bureau the cases it opened or received.
import type { AppContext, RequestMeta } from '../../context.js';
import { GENERAL_SECRETARIAT, hasRole, type Principal } from '../../platform/auth/principal.js';
import { type FieldError, ProblemError } from '../../platform/http/problem.js';
import { decideAccess } from '../../platform/policy/access.js';
import { accessOfPart } from './payments.access.js';
import { currencyDigits, minor, toUsdCents } from './payments.money.js';
import { assertMayReadPayments } from './payments.open.js';

export interface RateInput {
  day: string;
  currency: string;
  usdPerUnit: string;
}

/** The operator (a GS administrator or a system key) loads dated rates; a day's rate is replaced. */
export async function loadRates(ctx: AppContext, p: Principal, rates: RateInput[], meta: RequestMeta) {
  if (!(p.bureau === GENERAL_SECRETARIAT && hasRole(p, 'gs_admin', 'system'))) {
    throw new ProblemError(
      403,
      'forbidden',
      'Rates are loaded by the operator (a General Secretariat administrator)',
    );
  }
  const errors: FieldError[] = [];
  rates.forEach((r, i) => {
    if (currencyDigits(r.currency) === null)
      errors.push({ field: `rates.${i}.currency`, message: `${r.currency} is not an ISO 4217 currency` });
    if (!/^\d{1,9}(\.\d{1,12})?$/.test(r.usdPerUnit) || /^0+(\.0+)?$/.test(r.usdPerUnit)) {
      errors.push({ field: `rates.${i}.usdPerUnit`, message: 'must be a positive decimal, e.g. "1.0842"' });
    }
  });
  if (errors.length > 0)
    throw new ProblemError(
      400,
      'invalid_input',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  await ctx.db.transaction().execute(async (tx) => {
    for (const r of rates) {
      await tx.deleteFrom('fx_rates').where('day', '=', r.day).where('currency', '=', r.currency).execute();
      await tx
        .insertInto('fx_rates')
        .values({ day: r.day, currency: r.currency, usd_per_unit: r.usdPerUnit })
        .execute();
    }
  });
  await ctx.audit.record({
    actor: p,
    action: 'payment.rates_load',
    outcome: 'success',
    requestId: meta.requestId,
    details: { rates: rates.length },
  });
  return rates.length;
}

type Totals = {
  frozen: Record<string, string>;
  returned: Record<string, string>;
  frozenUsdCents: string;
  returnedUsdCents: string;
  unconverted: number;
};
const empty = (): Totals => ({
  frozen: {},
  returned: {},
  frozenUsdCents: '0',
  returnedUsdCents: '0',
  unconverted: 0,
});

export async function paymentFigures(ctx: AppContext, p: Principal, meta: RequestMeta) {
  assertMayReadPayments(p);
  let q = ctx.db
    .selectFrom('payment_transactions as t')
    .innerJoin('payment_cases as c', 'c.id', 't.case_id')
    .select([
      't.amount_minor',
      't.currency',
      't.date',
      't.frozen_minor',
      't.returned_minor',
      't.frozen_at',
      't.receiving_country',
      'c.fraud_type',
      'c.reported_at',
      'c.requesting_bureau',
      'c.id as case_id',
    ]);
  if (p.bureau !== GENERAL_SECRETARIAT) {
    q = q.where((eb) =>
      eb.or([eb('c.requesting_bureau', '=', p.bureau), eb('t.receiving_country', '=', p.bureau)]),
    );
  }
  // The SQL only narrows; the access policy decides each transaction by its case and part.
  const rows = (await q.execute()).filter(
    (r) => decideAccess(p, accessOfPart(r.requesting_bureau, r.receiving_country)) === 'see',
  );
  const rates = await ctx.db.selectFrom('fx_rates').selectAll().orderBy('day').execute();
  const rateOn = (currency: string, day: string) => {
    let found: string | undefined;
    for (const r of rates) if (r.currency === currency && r.day <= day) found = r.usd_per_unit;
    return currency === 'USD' ? (found ?? '1') : found;
  };
  const all = empty();
  const by = {
    country: new Map<string, Totals>(),
    fraudType: new Map<string, Totals>(),
    month: new Map<string, Totals>(),
  };
  const add = (tot: Totals, currency: string, frozen: bigint, returned: bigint, rate: string | undefined) => {
    tot.frozen[currency] = (minor(tot.frozen[currency] ?? '0') + frozen).toString();
    tot.returned[currency] = (minor(tot.returned[currency] ?? '0') + returned).toString();
    if (rate === undefined) {
      if (frozen > 0n || returned > 0n) tot.unconverted++;
      return;
    }
    tot.frozenUsdCents = (minor(tot.frozenUsdCents) + toUsdCents(frozen, currency, rate)).toString();
    tot.returnedUsdCents = (minor(tot.returnedUsdCents) + toUsdCents(returned, currency, rate)).toString();
  };
  const freezeMinutes: number[] = [];
  for (const r of rows) {
    const frozen = minor(r.frozen_minor);
    const returned = minor(r.returned_minor);
    const rate = rateOn(r.currency, r.date);
    const keys: [Map<string, Totals>, string][] = [
      [by.country, r.receiving_country],
      [by.fraudType, r.fraud_type],
      [by.month, r.reported_at.slice(0, 7)],
    ];
    add(all, r.currency, frozen, returned, rate);
    for (const [map, key] of keys) {
      if (!map.has(key)) map.set(key, empty());
      add(map.get(key)!, r.currency, frozen, returned, rate);
    }
    if (r.frozen_at) freezeMinutes.push((Date.parse(r.frozen_at) - Date.parse(r.reported_at)) / 60_000);
  }
  freezeMinutes.sort((a, b) => a - b);
  const mid = freezeMinutes.length >> 1;
  const median =
    freezeMinutes.length === 0
      ? null
      : freezeMinutes.length % 2 === 1
        ? freezeMinutes[mid]!
        : (freezeMinutes[mid - 1]! + freezeMinutes[mid]!) / 2;
  await ctx.audit.record({
    actor: p,
    action: 'payment.figures',
    outcome: 'success',
    requestId: meta.requestId,
    details: { transactions: rows.length },
  });
  const list = (m: Map<string, Totals>) =>
    [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, t]) => ({ key, ...t }));
  return {
    cases: new Set(rows.map((r) => r.case_id)).size,
    transactions: rows.length,
    total: all,
    byCountry: list(by.country),
    byFraudType: list(by.fraudType),
    byMonth: list(by.month),
    medianMinutesToFreeze: median === null ? null : Math.round(median),
  };
}

/**
 * The same figures as CSV: a row per grouping, key and currency (amounts in that currency's minor
 * units), and a row per grouping and key with currency `USD_CONVERTED` (US cents, all currencies
 * that had a rate).
 */
export function figuresCsv(f: Awaited<ReturnType<typeof paymentFigures>>): string {
  const lines = ['grouping,key,currency,frozen_minor,returned_minor'];
  const emit = (grouping: string, key: string, t: Totals) => {
    for (const currency of Object.keys(t.frozen).sort()) {
      lines.push([grouping, key, currency, t.frozen[currency], t.returned[currency]].join(','));
    }
    lines.push([grouping, key, 'USD_CONVERTED', t.frozenUsdCents, t.returnedUsdCents].join(','));
  };
  emit('total', 'all', f.total);
  for (const x of f.byCountry) emit('country', x.key, x);
  for (const x of f.byFraudType) emit('fraud_type', x.key, x);
  for (const x of f.byMonth) emit('month', x.key, x);
  return `${lines.join('\n')}\n`;
}
