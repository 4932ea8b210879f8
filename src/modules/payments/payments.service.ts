// A case as its parties see it, the receiving bureau's queue, and what the receiving side does:
// acknowledge, forward to its financial unit, record per transaction what it found. Money that
// moved on opens a chase to the next country. Overdue parts are flagged to both bureaus and the
// General Secretariat. Everything audited.
import type { AppContext, RequestMeta } from '../../context.js';
import { GENERAL_SECRETARIAT, type Principal } from '../../platform/auth/principal.js';
import type { PaymentPartTable } from '../../platform/db/schema.js';
import { staleVersion } from '../../platform/http/etag.js';
import { badRequest, notFoundOrNoAccess, ProblemError } from '../../platform/http/problem.js';
import { decideAccess } from '../../platform/policy/access.js';
import { nowIso } from '../../platform/time.js';
import { accessOfCase, accessOfPart, visibleParts } from './payments.access.js';
import { minor } from './payments.money.js';
import { assertMayActOnPayments, assertMayReadPayments, createCase, stepOf } from './payments.open.js';
import { routeTransactions } from './payments.routing.js';
import type { Outcome } from './payments.types.js';

export async function readCase(ctx: AppContext, p: Principal, id: string, meta: RequestMeta) {
  const c = await ctx.db.selectFrom('payment_cases').selectAll().where('id', '=', id).executeTakeFirst();
  const parts = c
    ? await ctx.db.selectFrom('payment_parts').selectAll().where('case_id', '=', id).execute()
    : [];
  const seen = c ? visibleParts(p, c.requesting_bureau, parts) : [];
  await ctx.audit.record({
    actor: p,
    action: 'payment.read',
    purpose: meta.purpose,
    target: c ? { type: 'payment_case', id, bureau: c.requesting_bureau } : { type: 'payment_case', id },
    outcome: seen.length > 0 ? 'success' : 'denied',
    requestId: meta.requestId,
  });
  if (!c || seen.length === 0) throw notFoundOrNoAccess();
  const partIds = seen.map((x) => x.id);
  const [transactions, steps] = await Promise.all([
    ctx.db
      .selectFrom('payment_transactions')
      .selectAll()
      .where('part_id', 'in', partIds)
      .orderBy('seq')
      .execute(),
    ctx.db
      .selectFrom('payment_steps')
      .selectAll()
      .where('case_id', '=', id)
      .where((eb) => eb.or([eb('part_id', 'is', null), eb('part_id', 'in', partIds)]))
      .orderBy('id')
      .execute(),
  ]);
  // A chase case names the case it chases from, so its parties can follow the chain back.
  const parent = c.parent_transaction_id
    ? await ctx.db
        .selectFrom('payment_transactions')
        .select('case_id')
        .where('id', '=', c.parent_transaction_id)
        .executeTakeFirst()
    : undefined;
  return { case: c, parts: seen, transactions, steps, parentCaseId: parent?.case_id ?? null };
}

export type PaymentBox = 'queue' | 'opened' | 'overdue';

/**
 * The parts a bureau must act on, most urgent first; the cases it opened; or the parts past a
 * due time and not answered (its own, either side; every bureau's for the General Secretariat's
 * oversight, which the access policy lets its reviewers see).
 */
export async function listCases(ctx: AppContext, p: Principal, box: PaymentBox, meta: RequestMeta) {
  if (box === 'overdue') assertMayReadPayments(p);
  else assertMayActOnPayments(p);
  const base = ctx.db
    .selectFrom('payment_parts as pt')
    .innerJoin('payment_cases as c', 'c.id', 'pt.case_id')
    .select([
      'c.id as case_id',
      'c.requesting_bureau',
      'c.fraud_type',
      'c.reported_at',
      'c.victim',
      'c.created_at',
      'c.parent_transaction_id',
      'pt.id as part_id',
      'pt.receiving_bureau',
      'pt.status',
      'pt.ack_due_at',
      'pt.answer_due_at',
    ])
    .limit(200);
  const overdue = base
    .where('pt.status', '!=', 'answered')
    .where((eb) =>
      eb.or([
        eb('pt.overdue_flagged_at', 'is not', null),
        eb('pt.answer_overdue_flagged_at', 'is not', null),
      ]),
    )
    .orderBy('pt.answer_due_at');
  const candidates = await (box === 'queue'
    ? base
        .where('pt.receiving_bureau', '=', p.bureau)
        .where('pt.status', '!=', 'answered')
        .orderBy('pt.answer_due_at')
    : box === 'opened'
      ? base.where('c.requesting_bureau', '=', p.bureau).orderBy('c.id', 'desc')
      : p.bureau === GENERAL_SECRETARIAT
        ? overdue
        : overdue.where((eb) =>
            eb.or([eb('c.requesting_bureau', '=', p.bureau), eb('pt.receiving_bureau', '=', p.bureau)]),
          )
  ).execute();
  // The SQL only narrows; the access policy decides each part.
  const rows = candidates
    .filter((r) => decideAccess(p, accessOfPart(r.requesting_bureau, r.receiving_bureau)) === 'see')
    .map((r) => ({ ...r, victim: JSON.parse(r.victim) as unknown }));
  await ctx.audit.record({
    actor: p,
    action: 'payment.list',
    outcome: 'success',
    requestId: meta.requestId,
    details: { box, count: rows.length },
  });
  return rows;
}

/** The part of `partId` when `p` is of its receiving bureau (and may act on payments). */
async function ownPart(ctx: AppContext, p: Principal, partId: string) {
  assertMayActOnPayments(p);
  const part = await ctx.db
    .selectFrom('payment_parts')
    .selectAll()
    .where('id', '=', partId)
    .executeTakeFirst();
  if (!part || part.receiving_bureau !== p.bureau) throw notFoundOrNoAccess();
  const c = (await ctx.db
    .selectFrom('payment_cases')
    .selectAll()
    .where('id', '=', part.case_id)
    .executeTakeFirst())!;
  return { part, c };
}

async function changePart(
  ctx: AppContext,
  p: Principal,
  part: PaymentPartTable,
  requestingBureau: string,
  patch: Partial<PaymentPartTable>,
  action: string,
  details: Record<string, unknown>,
  meta: RequestMeta,
) {
  const at = nowIso();
  await ctx.events.publishAll(
    [
      {
        topic: 'payments.update',
        payload: {
          caseId: part.case_id,
          partId: part.id,
          action,
          receivingBureau: part.receiving_bureau,
          ...details,
        },
        access: accessOfPart(requestingBureau, part.receiving_bureau),
      },
    ],
    async (tx) => {
      const r = await tx
        .updateTable('payment_parts')
        .set({ ...patch, version: part.version + 1 })
        .where('id', '=', part.id)
        .where('version', '=', part.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw staleVersion();
      await tx
        .insertInto('payment_steps')
        .values(stepOf(part.case_id, p, action, at, { partId: part.id, details }))
        .execute();
    },
  );
  await ctx.audit.record({
    actor: p,
    action: `payment.${action}`,
    target: { type: 'payment_case', id: part.case_id, bureau: requestingBureau },
    outcome: 'success',
    requestId: meta.requestId,
    details: { part: part.id },
  });
}

export async function acknowledgePart(ctx: AppContext, p: Principal, partId: string, meta: RequestMeta) {
  const { part, c } = await ownPart(ctx, p, partId);
  if (part.status !== 'sent')
    throw new ProblemError(409, 'wrong_status', `This request is ${part.status} already`);
  await changePart(
    ctx,
    p,
    part,
    c.requesting_bureau,
    { status: 'acknowledged', acknowledged_at: nowIso() },
    'acknowledge',
    {},
    meta,
  );
}

export async function forwardPart(
  ctx: AppContext,
  p: Principal,
  partId: string,
  unitId: string,
  meta: RequestMeta,
) {
  const { part, c } = await ownPart(ctx, p, partId);
  const unit = await ctx.db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
  if (
    !unit ||
    unit.bureau_code !== p.bureau ||
    unit.active !== 1 ||
    !(JSON.parse(unit.capabilities) as string[]).includes('payments')
  ) {
    throw badRequest('unitId', 'must be an active unit of your bureau with the payments capability');
  }
  if (part.status === 'answered')
    throw new ProblemError(409, 'wrong_status', 'This request is answered already');
  await changePart(
    ctx,
    p,
    part,
    c.requesting_bureau,
    {
      status:
        part.status === 'sent' ? 'forwarded' : part.status === 'acknowledged' ? 'forwarded' : part.status,
      forwarded_unit: unitId,
      acknowledged_at: part.acknowledged_at ?? nowIso(),
    },
    'forward',
    { unit: unit.name },
    meta,
  );
}

export interface OutcomeInput {
  outcome: Exclude<Outcome, 'pending'>;
  frozenMinor?: string;
  returnedMinor?: string;
  movedToAccount?: string;
  movedToBic?: string;
  note?: string;
}

/** The receiving side records what it found for one transaction; money moved on is chased. */
export async function recordOutcome(
  ctx: AppContext,
  p: Principal,
  transactionId: string,
  input: OutcomeInput,
  meta: RequestMeta,
) {
  assertMayActOnPayments(p);
  const t = await ctx.db
    .selectFrom('payment_transactions')
    .selectAll()
    .where('id', '=', transactionId)
    .executeTakeFirst();
  if (!t) throw notFoundOrNoAccess();
  const { part, c } = await ownPart(ctx, p, t.part_id);
  const amount = minor(t.amount_minor);
  // Unless stated: a freeze is of the whole amount; a return or a release keeps what had been
  // frozen (a return is at least what came back); other outcomes froze nothing.
  const returned =
    input.returnedMinor !== undefined
      ? minor(input.returnedMinor)
      : input.outcome === 'returned'
        ? amount
        : 0n;
  const before = minor(t.frozen_minor);
  const kept = input.outcome === 'returned' ? (before > returned ? before : returned) : before;
  const frozen =
    input.frozenMinor !== undefined
      ? minor(input.frozenMinor)
      : input.outcome === 'frozen'
        ? amount
        : input.outcome === 'returned' || input.outcome === 'released'
          ? kept
          : 0n;
  if (frozen > amount) throw badRequest('frozenMinor', 'cannot be more than the transaction');
  if (returned > amount) throw badRequest('returnedMinor', 'cannot be more than the transaction');
  if (input.outcome === 'partly_frozen' && (frozen <= 0n || frozen >= amount)) {
    throw badRequest('frozenMinor', 'a partial freeze is more than nothing and less than the transaction');
  }
  let chase: { id: string } | null = null;
  if (input.outcome === 'moved_on') {
    if (!input.movedToAccount) throw badRequest('movedToAccount', 'name the account the money moved to');
    const moved = (amount - frozen).toString();
    const bureaus = new Set(
      (await ctx.db.selectFrom('bureaus').select('code').where('kind', '=', 'member').execute()).map(
        (b) => b.code,
      ),
    );
    const { routed, errors } = routeTransactions(
      [
        {
          amountMinor: moved,
          currency: t.currency,
          date: nowIso().slice(0, 10),
          sendingAccount: t.receiving_account,
          receivingAccount: input.movedToAccount,
          receivingBic: input.movedToBic,
          beneficiaryName: t.beneficiary_name,
          reference: t.reference ?? undefined,
        },
      ],
      (code) => bureaus.has(code),
    );
    if (errors.length > 0) {
      throw new ProblemError(
        400,
        'invalid_input',
        errors.map((e) => e.message).join('; '),
        errors.map((e) => ({
          field: e.field
            .replace('transactions.0.receivingAccount', 'movedToAccount')
            .replace('transactions.0.receivingBic', 'movedToBic'),
          message: e.message,
        })),
      );
    }
    const id = await createCase(
      ctx,
      p,
      c.requesting_bureau,
      {
        fraudType: c.fraud_type as 'other',
        victim: JSON.parse(c.victim),
        reportedAt: c.reported_at,
        summary: c.summary ?? undefined,
      },
      routed,
      t.id,
      null,
      meta,
    );
    chase = { id };
  }
  const at = nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('payment_transactions')
      .set({
        outcome: input.outcome,
        frozen_minor: frozen.toString(),
        returned_minor: returned.toString(),
        moved_to_account: input.outcome === 'moved_on' ? input.movedToAccount! : null,
        moved_to_country: chase
          ? ((
              await tx
                .selectFrom('payment_parts')
                .select('receiving_bureau')
                .where('case_id', '=', chase.id)
                .executeTakeFirst()
            )?.receiving_bureau ?? null)
          : null,
        follow_up_case_id: chase?.id ?? null,
        frozen_at: frozen > 0n ? (t.frozen_at ?? at) : t.frozen_at,
        updated_at: at,
      })
      .where('id', '=', t.id)
      .execute();
    await tx
      .insertInto('payment_steps')
      .values(
        stepOf(t.case_id, p, 'outcome', at, {
          partId: part.id,
          transactionId: t.id,
          details: {
            outcome: input.outcome,
            frozenMinor: frozen.toString(),
            returnedMinor: returned.toString(),
            followUpCaseId: chase?.id ?? null,
            note: input.note ?? null,
          },
        }),
      )
      .execute();
  });
  if (!part.first_answer_at) {
    const fresh = await ctx.db
      .selectFrom('payment_parts')
      .selectAll()
      .where('id', '=', part.id)
      .executeTakeFirstOrThrow();
    await changePart(
      ctx,
      p,
      fresh,
      c.requesting_bureau,
      { status: 'answered', first_answer_at: at, acknowledged_at: fresh.acknowledged_at ?? at },
      'answer',
      { outcome: input.outcome },
      meta,
    );
  } else {
    await ctx.audit.record({
      actor: p,
      action: 'payment.outcome',
      target: { type: 'payment_case', id: t.case_id, bureau: c.requesting_bureau },
      outcome: 'success',
      requestId: meta.requestId,
      details: { outcome: input.outcome },
    });
  }
  return { followUpCaseId: chase?.id ?? null };
}

/** Parts past their acknowledgement or answer time, flagged once each to both bureaus and the GS. */
export async function flagOverdue(ctx: AppContext) {
  const now = nowIso();
  const late = await ctx.db
    .selectFrom('payment_parts as pt')
    .innerJoin('payment_cases as c', 'c.id', 'pt.case_id')
    .select([
      'pt.id',
      'pt.case_id',
      'pt.receiving_bureau',
      'pt.status',
      'pt.ack_due_at',
      'pt.answer_due_at',
      'pt.overdue_flagged_at',
      'pt.answer_overdue_flagged_at',
      'c.requesting_bureau',
    ])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('pt.status', '=', 'sent'),
          eb('pt.ack_due_at', '<', now),
          eb('pt.overdue_flagged_at', 'is', null),
        ]),
        eb.and([
          eb('pt.first_answer_at', 'is', null),
          eb('pt.answer_due_at', '<', now),
          eb('pt.answer_overdue_flagged_at', 'is', null),
        ]),
      ]),
    )
    .limit(500)
    .execute();
  for (const x of late) {
    const stage =
      x.status === 'sent' && x.ack_due_at < now && !x.overdue_flagged_at ? 'acknowledgement' : 'answer';
    await ctx.events.publishAll(
      [
        {
          topic: 'payments.overdue',
          payload: {
            caseId: x.case_id,
            partId: x.id,
            stage,
            receivingBureau: x.receiving_bureau,
            requestingBureau: x.requesting_bureau,
            dueAt: stage === 'answer' ? x.answer_due_at : x.ack_due_at,
          },
          access: {
            ...accessOfCase(x.requesting_bureau, [
              { receiving_bureau: x.receiving_bureau },
              { receiving_bureau: GENERAL_SECRETARIAT },
            ]),
          },
        },
      ],
      async (tx) => {
        await tx
          .updateTable('payment_parts')
          .set(stage === 'answer' ? { answer_overdue_flagged_at: now } : { overdue_flagged_at: now })
          .where('id', '=', x.id)
          .execute();
        await tx
          .insertInto('payment_steps')
          .values({
            ...stepOf(
              x.case_id,
              { name: 'clock', bureau: GENERAL_SECRETARIAT } as Principal,
              'overdue',
              now,
              { partId: x.id, details: { stage } },
            ),
          })
          .execute();
      },
    );
    await ctx.audit.record({
      actor: null,
      actorType: 'system',
      action: 'payment.overdue',
      target: { type: 'payment_case', id: x.case_id, bureau: x.requesting_bureau },
      outcome: 'success',
      details: { stage, part: x.id },
    });
  }
  return late.length;
}
