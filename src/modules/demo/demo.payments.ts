// Demo payment interventions played through the payments service, as the bureaus would: the
// victim's bureau opens the case, each receiving bureau acknowledges, forwards to its financial
// intelligence unit where it has one, and records what it found; money that moved on is chased
// by the service itself. Each step runs `asOf` its time in the past (platform/time.ts), so the
// service writes the history with its own rules and due times: the dashboard's months and its
// median time to freeze are computed from it like from any other case. The audit chain and the
// event stream keep the real time of seeding. The operator (xg.admin) loads the dated rates.
import type { AppContext } from '../../context.js';
import { asOf, isoPlusSeconds, wallClockIso } from '../../platform/time.js';
import { loadRates, type RateInput } from '../payments/payments.figures.js';
import { openCase } from '../payments/payments.open.js';
import { acknowledgePart, flagOverdue, forwardPart, recordOutcome } from '../payments/payments.service.js';
import { VICTIM_ACCOUNTS } from './demo.payments.accounts.js';
import { DEMO_PAYMENT_CASES, type DemoOutcomeStep, type DemoPaymentCase } from './demo.payments.cases.js';
import { demoPrincipal } from './demo.principals.js';

const meta = { purpose: 'Demo data' };

/** US dollars per unit on the first day of each of the last seven months, oldest first. */
const MONTHLY_RATES: Record<string, string[]> = {
  EUR: ['1.0791', '1.0846', '1.0912', '1.0873', '1.0958', '1.1024', '1.0987'],
  GBP: ['1.2688', '1.2742', '1.2805', '1.2771', '1.2836', '1.2903', '1.2869'],
  NGN: ['0.000652', '0.000648', '0.000655', '0.000661', '0.000657', '0.000663', '0.000659'],
  BRL: ['0.1823', '0.1809', '0.1836', '0.1851', '0.1842', '0.1827', '0.1848'],
  JOD: ['1.4104', '1.4104', '1.4104', '1.4104', '1.4104', '1.4104', '1.4104'], // pegged
  JPY: ['0.006712', '0.006689', '0.006735', '0.006701', '0.006758', '0.006722', '0.006694'],
};

/** The rates table, dated the first of each month from six months before `now` to this month. */
export function demoRates(now = wallClockIso()): RateInput[] {
  const d = new Date(now);
  const rates: RateInput[] = [];
  for (let i = 0; i < 7; i++) {
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 6 + i, 1));
    for (const [currency, list] of Object.entries(MONTHLY_RATES)) {
      rates.push({ day: first.toISOString().slice(0, 10), currency, usdPerUnit: list[i]! });
    }
  }
  return rates;
}

/** When the victim reported the case, from the seeding time `now`. */
export function reportedAtOf(c: DemoPaymentCase, now: string): string {
  if ('hoursAgo' in c.reported)
    return `${isoPlusSeconds(now, -c.reported.hoursAgo * 3600).slice(0, 17)}00.000Z`;
  const day = isoPlusSeconds(now, -c.reported.daysAgo * 86_400).slice(0, 10);
  return `${day}T${c.reported.at}:00.000Z`;
}

/** The financial intelligence unit's officer of the bureau, where it has one (FR, NG). */
const FIU_OFFICERS: Record<string, string> = { FR: 'fr.financial', NG: 'ng.financial' };

/** The financial unit answers what was forwarded to it; otherwise the central office. */
async function playOutcome(ctx: AppContext, caseId: string, step: DemoOutcomeStep) {
  const t = (
    await ctx.db
      .selectFrom('payment_transactions as t')
      .innerJoin('payment_parts as p', 'p.id', 't.part_id')
      .select(['t.id', 't.receiving_country', 'p.forwarded_unit'])
      .where('t.case_id', '=', caseId)
      .orderBy('t.seq')
      .execute()
  )[step.transfer]!;
  const who = t.forwarded_unit
    ? FIU_OFFICERS[t.receiving_country]!
    : `${t.receiving_country.toLowerCase()}.officer`;
  return recordOutcome(
    ctx,
    await demoPrincipal(ctx, who),
    t.id,
    {
      outcome: step.outcome,
      frozenMinor: step.frozenMinor,
      returnedMinor: step.returnedMinor,
      note: step.note,
      movedToAccount: step.movedTo?.account,
      movedToBic: step.movedTo?.bic,
    },
    meta,
  );
}

async function playCase(ctx: AppContext, c: DemoPaymentCase, now: string) {
  const reportedAt = reportedAtOf(c, now);
  const at = (minutes: number) => isoPlusSeconds(reportedAt, minutes * 60);
  const victimBureau = c.bureau.toUpperCase();
  const opener = await demoPrincipal(ctx, `${c.bureau}.officer`);
  const caseId = await asOf(at(c.openedAfter), () =>
    openCase(
      ctx,
      opener,
      {
        fraudType: c.fraudType,
        victim: c.victim,
        reportedAt,
        summary: c.summary,
        transactions: c.transfers.map((t) => ({
          amountMinor: t.amountMinor,
          currency: t.currency,
          date: isoPlusSeconds(reportedAt, -t.daysBefore * 86_400).slice(0, 10),
          sendingAccount: VICTIM_ACCOUNTS[victimBureau as keyof typeof VICTIM_ACCOUNTS],
          receivingAccount: t.to.account,
          receivingBic: t.to.bic,
          beneficiaryName: t.beneficiary,
          reference: t.reference,
        })),
      },
      meta,
    ),
  );
  let chaseId: string | null = null;
  const partsOf = (id: string) =>
    ctx.db.selectFrom('payment_parts').select(['id', 'receiving_bureau']).where('case_id', '=', id).execute();
  for (const step of c.steps) {
    const id = step.chase ? chaseId : caseId;
    if (!id) throw new Error('demo payments: a chase step before the money moved on');
    await asOf(at(step.after), async () => {
      if (step.act === 'clock') {
        await flagOverdue(ctx);
      } else if (step.act === 'outcome') {
        const r = await playOutcome(ctx, id, step);
        if (r.followUpCaseId) chaseId = r.followUpCaseId;
      } else {
        const part = (await partsOf(id)).find((x) => x.receiving_bureau === step.bureau)!;
        const officer = await demoPrincipal(ctx, `${step.bureau.toLowerCase()}.officer`);
        if (step.act === 'acknowledge') {
          await acknowledgePart(ctx, officer, part.id, meta);
        } else {
          const fiu = await demoPrincipal(ctx, FIU_OFFICERS[step.bureau]!);
          await forwardPart(ctx, officer, part.id, fiu.unitId!, meta);
        }
      }
    });
  }
  return caseId;
}

/**
 * Seeds the demo's payment cases (oldest report first) and the rates; returns how many cases were
 * opened by victims' bureaus. Expects the demo users; does nothing if payment cases exist already.
 */
export async function seedDemoPayments(ctx: AppContext, now = wallClockIso()): Promise<number> {
  const existing = await ctx.db.selectFrom('payment_cases').select('id').limit(1).execute();
  if (existing.length > 0) return 0;
  await loadRates(ctx, await demoPrincipal(ctx, 'xg.admin'), demoRates(now), meta);
  const ordered = [...DEMO_PAYMENT_CASES].sort((a, b) =>
    reportedAtOf(a, now).localeCompare(reportedAtOf(b, now)),
  );
  // The overdue job would flag, at today's time, a request sent months ago in this history and
  // acknowledged an hour later in it; the history's own clock steps flag what was late then.
  await ctx.jobs.whilePaused(async () => {
    for (const c of ordered) await playCase(ctx, c, now);
  });
  // Anything late by now is flagged now (the minute job would do it too).
  await flagOverdue(ctx);
  return ordered.length;
}
