// The demo's payment interventions: valid accounts, played through the payments service into
// figures that are non-empty and add up, on SQLite and PostgreSQL.
import { isValidBIC, isValidIBAN } from 'ibantools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officer } from '../../../test/support/records.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { verifyAuditChain } from '../../platform/audit/audit.verify.js';
import { routeTransactions } from '../payments/payments.routing.js';
import { ACCOUNTS, VICTIM_ACCOUNTS } from './demo.payments.accounts.js';
import { DEMO_PAYMENT_CASES } from './demo.payments.cases.js';
import { demoRates, reportedAtOf, seedDemoPayments } from './demo.payments.js';

type Totals = {
  frozen: Record<string, string>;
  returned: Record<string, string>;
  frozenUsdCents: string;
  returnedUsdCents: string;
  unconverted: number;
};
type Figures = {
  cases: number;
  transactions: number;
  total: Totals;
  byCountry: (Totals & { key: string })[];
  byFraudType: (Totals & { key: string })[];
  byMonth: (Totals & { key: string })[];
  medianMinutesToFreeze: number | null;
};

describe('demo payment accounts and cases', () => {
  it('are valid IBANs (check digits, French RIB keys) or account numbers with a valid BIC', () => {
    for (const a of Object.values(ACCOUNTS)) {
      if (/^[A-Z]{2}\d{2}/.test(a.account)) expect(isValidIBAN(a.account), a.account).toBe(true);
      expect(isValidBIC(a.bic ?? ''), a.bic).toBe(true);
    }
    for (const account of [VICTIM_ACCOUNTS.FR, VICTIM_ACCOUNTS.JO, VICTIM_ACCOUNTS.BR]) {
      expect(isValidIBAN(account), account).toBe(true);
    }
  });

  it('route every transfer to a bureau, and every step happens before now', () => {
    const now = new Date().toISOString();
    for (const c of DEMO_PAYMENT_CASES) {
      const { errors } = routeTransactions(
        c.transfers.map((t) => ({
          amountMinor: t.amountMinor,
          currency: t.currency,
          date: '2026-01-01',
          receivingAccount: t.to.account,
          receivingBic: t.to.bic,
          beneficiaryName: t.beneficiary,
        })),
        () => true,
      );
      expect(errors).toEqual([]);
      const last = Math.max(c.openedAfter, ...c.steps.map((s) => s.after));
      expect(Date.parse(reportedAtOf(c, now)) + last * 60_000).toBeLessThan(Date.parse(now));
    }
  });

  it('have a rate for every currency on the first of each of the last seven months', () => {
    const rates = demoRates('2026-11-29T11:00:00.000Z');
    expect(new Set(rates.map((r) => r.day))).toEqual(
      new Set([
        '2026-05-01',
        '2026-06-01',
        '2026-07-01',
        '2026-08-01',
        '2026-09-01',
        '2026-10-01',
        '2026-11-01',
      ]),
    );
    const currencies = new Set(DEMO_PAYMENT_CASES.flatMap((c) => c.transfers.map((t) => t.currency)));
    currencies.delete('USD');
    for (const c of currencies) expect(rates.filter((r) => r.currency === c)).toHaveLength(7);
  });
});

describe('seeding the demo payment cases', () => {
  let t: TestApp;
  let started: string;
  beforeAll(async () => {
    t = await createTestApp();
    started = new Date().toISOString();
    expect(await seedDemoPayments(t.ctx)).toBe(DEMO_PAYMENT_CASES.length);
  });
  afterAll(async () => t?.close());

  it('goes through the service: every outcome, chases, overdue flags, and the history in the past', async () => {
    const db = t.ctx.db;
    const outcomes = new Set(
      (await db.selectFrom('payment_transactions').select('outcome').execute()).map((x) => x.outcome),
    );
    expect([...outcomes].sort()).toEqual(
      ['frozen', 'moved_on', 'not_found', 'partly_frozen', 'pending', 'released', 'returned'].sort(),
    );
    const chases = await db
      .selectFrom('payment_cases')
      .select('id')
      .where('parent_transaction_id', 'is not', null)
      .execute();
    expect(chases).toHaveLength(3);
    const parts = await db.selectFrom('payment_parts').selectAll().execute();
    // Brazil never acknowledged one request; nobody answered the chase to the Emirates; a late answer.
    expect(
      parts
        .filter((p) => p.overdue_flagged_at)
        .map((p) => p.receiving_bureau)
        .sort(),
    ).toEqual(['AE', 'BR']);
    expect(parts.filter((p) => p.answer_overdue_flagged_at)).toHaveLength(3);
    // Steps carry the time of the history; the audit chain and the events the real time.
    const first = await db.selectFrom('payment_steps').select('at').orderBy('at').executeTakeFirstOrThrow();
    expect(Date.parse(started) - Date.parse(first.at)).toBeGreaterThan(150 * 86_400_000);
    const events = await db.selectFrom('events').select('at').where('topic', 'like', 'payments.%').execute();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.at >= started).toBe(true);
    await t.ctx.audit.flush();
    expect((await verifyAuditChain(db)).ok).toBe(true);
    // Seeding again adds nothing.
    expect(await seedDemoPayments(t.ctx)).toBe(0);
  });

  it('gives the French bureau figures that are non-empty and add up', async () => {
    const fr = await officer(t.app, 'fr.officer');
    const f = (await fr.get('/api/v1/payments/figures')).json() as Figures;
    expect(f.cases).toBeGreaterThanOrEqual(10);
    expect(f.total.unconverted).toBe(0);
    expect(BigInt(f.total.frozenUsdCents)).toBeGreaterThan(0n);
    expect(BigInt(f.total.returnedUsdCents)).toBeGreaterThan(0n);
    // Worked by hand from demo.payments.cases.ts: what FR opened or received.
    expect(f.total.frozen.EUR).toBe('493300000'); // 90,000 + 1,500,000 + 155,000 + 88,000 + 3,100,000
    expect(f.total.returned.EUR).toBe('150000000');
    expect(f.total.frozen.GBP).toBe('80000000');
    expect(f.total.frozen.JPY).toBe('48000000');
    expect(f.total.returned.JOD).toBe('310000000');
    expect(f.byMonth.length).toBeGreaterThanOrEqual(5);
    expect(f.byFraudType.map((x) => x.key)).toEqual(
      expect.arrayContaining(['business_email_compromise', 'impersonation', 'investment', 'romance']),
    );
    for (const grouping of [f.byCountry, f.byFraudType, f.byMonth]) {
      const sum = (pick: (x: Totals) => string) => grouping.reduce((n, x) => n + BigInt(pick(x)), 0n);
      expect(sum((x) => x.frozenUsdCents)).toBe(BigInt(f.total.frozenUsdCents));
      expect(sum((x) => x.returnedUsdCents)).toBe(BigInt(f.total.returnedUsdCents));
      for (const currency of Object.keys(f.total.frozen)) {
        expect(sum((x) => x.frozen[currency] ?? '0')).toBe(BigInt(f.total.frozen[currency]!));
      }
    }
    // Freezes came hours after the report, not months.
    expect(f.medianMinutesToFreeze).toBeGreaterThan(60);
    expect(f.medianMinutesToFreeze).toBeLessThan(24 * 60);
  });

  it('puts the waiting requests in the receiving bureaus’ queues', async () => {
    const ng = await officer(t.app, 'ng.officer');
    const queue = (await ng.get('/api/v1/payments/cases?box=queue')).json().items as { status: string }[];
    expect(queue.map((q) => q.status)).toContain('forwarded');
    const br = await officer(t.app, 'br.officer');
    const brQueue = (await br.get('/api/v1/payments/cases?box=queue')).json().items as { status: string }[];
    expect(brQueue.map((q) => q.status)).toContain('sent');
  });
});
