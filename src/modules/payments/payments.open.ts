// Opening a case: the victim's bureau (a unit with the payments capability) files the
// transactions; each is checked and routed by its receiving country, and each country gets its
// own part, sent to its bureau with the clock running (acknowledge and answer by a due time).
// Case, parts, transactions, timeline and events are one transaction; the sender's
// Idempotency-Key is kept with the case, so a retry never opens it twice.
import { createHash } from 'node:crypto';
import type { AppContext, RequestMeta } from '../../context.js';
import { GENERAL_SECRETARIAT, hasRole, type Principal } from '../../platform/auth/principal.js';
import type { PaymentPartTable, PaymentTransactionTable } from '../../platform/db/schema.js';
import { type FieldError, ProblemError } from '../../platform/http/problem.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import { isoPlusSeconds, nowIso } from '../../platform/time.js';
import { accessOfPart } from './payments.access.js';
import { type RoutedTransaction, routeTransactions } from './payments.routing.js';
import type { FraudType, TransactionInput } from './payments.types.js';

export interface OpenCaseInput {
  fraudType: FraudType;
  victim: { kind: 'person' | 'company'; name: string; country?: string };
  reportedAt: string;
  summary?: string;
  transactions: TransactionInput[];
}

export function assertMayActOnPayments(p: Principal) {
  if (!p.capabilities.includes('payments')) {
    throw new ProblemError(403, 'missing_capability', 'Payment interventions need the payments capability');
  }
  if (!hasRole(p, 'officer', 'supervisor', 'system')) {
    throw new ProblemError(
      403,
      'forbidden',
      'Payment interventions need the officer, supervisor or system role',
    );
  }
}

/**
 * Reading payment cases and figures: those who act on them, and the General Secretariat's
 * reviewers and data-protection officers, who oversee every case (overdue requests are flagged to
 * them) through the access policy's rule 5 but act on none.
 */
export function assertMayReadPayments(p: Principal) {
  if (!p.capabilities.includes('payments')) {
    throw new ProblemError(403, 'missing_capability', 'Payment interventions need the payments capability');
  }
  if (!hasRole(p, 'officer', 'supervisor', 'system', 'gs_reviewer', 'dpo')) {
    throw new ProblemError(403, 'forbidden', 'Reading payment interventions needs a data role');
  }
}

export const stepOf = (
  caseId: string,
  p: Principal,
  action: string,
  at: string,
  extra: { partId?: string; transactionId?: string; details?: Record<string, unknown> } = {},
) => ({
  id: uuid7(),
  case_id: caseId,
  part_id: extra.partId ?? null,
  transaction_id: extra.transactionId ?? null,
  at,
  action,
  actor_name: p.name,
  actor_bureau: p.bureau,
  details: extra.details ? JSON.stringify(extra.details) : null,
});

export async function openCase(ctx: AppContext, p: Principal, input: OpenCaseInput, meta: RequestMeta) {
  assertMayActOnPayments(p);
  if (p.bureau === GENERAL_SECRETARIAT) {
    throw new ProblemError(403, 'forbidden', "A case is opened by the victim's bureau");
  }
  const ref = meta.idempotency
    ? createHash('sha256').update(`${meta.idempotency.principalKey}\n${meta.idempotency.key}`).digest('hex')
    : null;
  if (ref) {
    const existing = await ctx.db
      .selectFrom('payment_cases')
      .select('id')
      .where('idempotency_ref', '=', ref)
      .executeTakeFirst();
    if (existing) return existing.id;
  }
  const errors: FieldError[] = [];
  if (Number.isNaN(Date.parse(input.reportedAt)) || input.reportedAt > nowIso()) {
    errors.push({ field: 'reportedAt', message: 'must be a past date and time' });
  }
  const bureaus = new Set(
    (await ctx.db.selectFrom('bureaus').select('code').where('kind', '=', 'member').execute()).map(
      (b) => b.code,
    ),
  );
  const { routed, errors: routing } = routeTransactions(input.transactions, (c) => bureaus.has(c));
  errors.push(...routing);
  if (errors.length > 0) {
    throw new ProblemError(
      400,
      'invalid_input',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  }
  return createCase(ctx, p, p.bureau, input, routed, null, ref, meta);
}

/** Writes a case routed to its receiving countries; also used to chase money that moved on. */
export async function createCase(
  ctx: AppContext,
  actor: Principal,
  requestingBureau: string,
  input: Omit<OpenCaseInput, 'transactions'>,
  routed: RoutedTransaction[],
  parentTransactionId: string | null,
  idempotencyRef: string | null,
  meta: RequestMeta,
): Promise<string> {
  const at = nowIso();
  const caseId = uuid7();
  const parts = new Map<string, PaymentPartTable>();
  for (const t of routed) {
    if (parts.has(t.receivingCountry)) continue;
    parts.set(t.receivingCountry, {
      id: uuid7(),
      case_id: caseId,
      receiving_bureau: t.receivingCountry,
      status: 'sent',
      ack_due_at: isoPlusSeconds(at, ctx.config.paymentAckMinutes * 60),
      answer_due_at: isoPlusSeconds(at, ctx.config.paymentAnswerMinutes * 60),
      acknowledged_at: null,
      forwarded_unit: null,
      first_answer_at: null,
      overdue_flagged_at: null,
      answer_overdue_flagged_at: null,
      version: 1,
    });
  }
  const transactions: PaymentTransactionTable[] = routed.map((t, i) => ({
    id: uuid7(),
    case_id: caseId,
    part_id: parts.get(t.receivingCountry)!.id,
    seq: i + 1,
    amount_minor: t.amountMinor,
    currency: t.currency,
    date: t.date,
    sending_account: t.sendingAccount ?? null,
    receiving_account: t.receivingAccount,
    receiving_bic: t.receivingBic ?? null,
    receiving_country: t.receivingCountry,
    beneficiary_name: t.beneficiaryName,
    reference: t.reference ?? null,
    outcome: 'pending',
    frozen_minor: '0',
    returned_minor: '0',
    moved_to_account: null,
    moved_to_country: null,
    follow_up_case_id: null,
    frozen_at: null,
    updated_at: at,
  }));
  const events = [...parts.values()].map((part) => ({
    topic: 'payments.request',
    payload: {
      caseId,
      partId: part.id,
      requestingBureau,
      receivingBureau: part.receiving_bureau,
      fraudType: input.fraudType,
      transactions: transactions.filter((t) => t.part_id === part.id).length,
      ackDueAt: part.ack_due_at,
      chase: parentTransactionId !== null,
    },
    access: accessOfPart(requestingBureau, part.receiving_bureau),
  }));
  await ctx.events.publishAll(events, async (tx) => {
    await tx
      .insertInto('payment_cases')
      .values({
        id: caseId,
        requesting_bureau: requestingBureau,
        requesting_unit: actor.bureau === requestingBureau ? actor.unitId : null,
        fraud_type: input.fraudType,
        victim: JSON.stringify(input.victim),
        reported_at: input.reportedAt,
        summary: input.summary ?? null,
        parent_transaction_id: parentTransactionId,
        created_at: at,
        created_by: actor.name,
        idempotency_ref: idempotencyRef,
      })
      .execute();
    await tx
      .insertInto('payment_parts')
      .values([...parts.values()])
      .execute();
    await tx.insertInto('payment_transactions').values(transactions).execute();
    await tx
      .insertInto('payment_steps')
      .values([
        stepOf(caseId, actor, parentTransactionId ? 'chase' : 'open', at, {
          details: { transactions: transactions.length, parentTransactionId },
        }),
        ...[...parts.values()].map((part) =>
          stepOf(caseId, actor, 'route', at, { partId: part.id, details: { bureau: part.receiving_bureau } }),
        ),
      ])
      .execute();
  });
  await ctx.audit.record({
    actor,
    action: parentTransactionId ? 'payment.chase' : 'payment.open',
    target: { type: 'payment_case', id: caseId, bureau: requestingBureau },
    outcome: 'success',
    requestId: meta.requestId,
    details: { transactions: transactions.length, countries: [...parts.keys()].join(',') },
  });
  return caseId;
}
