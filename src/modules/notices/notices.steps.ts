// One workflow step of a notice: planned by notice.workflow.ts, written with its step row and
// its events in one transaction, audited, and — on publication, cancellation, withdrawal or
// expiry — carried to border screening.
import type { AppContext, RequestMeta } from '../../context.js';
import { GENERAL_SECRETARIAT, type Principal } from '../../platform/auth/principal.js';
import type { NoticeTable, Tx } from '../../platform/db/schema.js';
import { staleVersion } from '../../platform/http/etag.js';
import { notFoundOrNoAccess, ProblemError } from '../../platform/http/problem.js';
import type { AccessDescriptor } from '../../platform/policy/access.js';
import { nowIso } from '../../platform/time.js';
import { type Notice, type NoticeStatus, REVIEW_YEARS } from './notice.types.js';
import { type NoticeAction, planStep } from './notice.workflow.js';
import { accessOfNotice, toNotice } from './notices.row.js';
import { extendInScreening, feedScreening, withdrawFromScreening } from './notices.screening.js';
import { decidedNotice, noticeTarget, stepRow } from './notices.service.js';
import * as store from './notices.store.js';

/** The same day `years` later (29 February becomes 28 February). */
export function plusYears(isoDay: string, years: number): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

type Event = { topic: string; payload: Record<string, unknown>; access: AccessDescriptor };

function eventsOf(action: string, before: NoticeTable, after: NoticeTable): Event[] {
  const payload = {
    noticeId: after.id,
    controlNumber: after.control_number,
    kind: after.kind,
    type: after.type,
    status: after.status,
    action,
    title: after.title,
    requestingBureau: after.requesting_bureau,
  };
  // The requesting bureau and the General Secretariat follow every step.
  const parties: AccessDescriptor = {
    ownerBureau: after.requesting_bureau,
    restriction: { mode: 'only', bureaus: [after.requesting_bureau, GENERAL_SECRETARIAT] },
    handling: 'official',
    capability: 'notices',
  };
  const out: Event[] = [{ topic: 'notices.step', payload, access: parties }];
  if (after.status === 'published' && before.status !== 'published') {
    out.push({
      topic: after.kind === 'diffusion' ? 'notices.diffusion' : 'notices.published',
      payload,
      access: accessOfNotice(after),
    });
  }
  // Those who were told to act on it are told to stop.
  if (before.status === 'published' && after.status !== 'published') {
    out.push({ topic: 'notices.withdrawn', payload, access: accessOfNotice(before) });
  }
  return out;
}

export async function takeStep(
  ctx: AppContext,
  p: Principal,
  id: string,
  version: number,
  action: NoticeAction,
  reason: string | undefined,
  meta: RequestMeta,
) {
  const row = await decidedNotice(ctx, p, id, `notice.${action}`, meta);
  const n = toNotice(row);
  const plan = planStep(
    p,
    action,
    {
      kind: n.kind,
      status: n.status,
      requestingBureau: n.requestingBureau,
      createdById: row.created_by,
      complianceChecked: row.compliance_checked_at !== null,
    },
    reason,
  );
  if (!plan.ok) {
    throw new ProblemError(
      plan.status,
      plan.code,
      plan.detail,
      plan.field ? [{ field: plan.field, message: 'is required' }] : undefined,
    );
  }
  if (row.version !== version) throw staleVersion();
  const now = nowIso();
  const today = now.slice(0, 10);
  const patch: Partial<NoticeTable> = {
    status: plan.to,
    version: row.version + 1,
    updated_at: now,
    updated_by: p.name,
  };
  if (action === 'submit' && row.kind === 'notice') patch.submitted_at = now;
  if (action === 'take') patch.reviewer = p.name;
  if (plan.to === 'published' && row.status !== 'published') {
    patch.published_at = now;
    patch.review_date = plusYears(today, REVIEW_YEARS);
  }
  if (action === 'extend') {
    const from = row.review_date && row.review_date > today ? row.review_date : today;
    patch.review_date = plusYears(from, REVIEW_YEARS);
  }
  if (['refused', 'cancelled', 'withdrawn', 'expired'].includes(plan.to)) patch.closed_at = now;
  if (
    row.kind === 'diffusion' &&
    (action === 'confirm_compliance' || (action === 'withdraw' && p.bureau !== row.requesting_bureau))
  ) {
    patch.compliance_checked_at = now;
  }
  const after = await writeStep(
    ctx,
    row,
    patch,
    stepRow(id, p, action, row.status, plan.to, reason?.trim() || null, now),
    action,
  );
  await ctx.audit.record({
    actor: p,
    action: `notice.${action}`,
    purpose: meta.purpose,
    target: noticeTarget(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: {
      kind: row.kind,
      type: row.type,
      from: row.status,
      to: plan.to,
      ...(after.control_number ? { controlNumber: after.control_number } : {}),
    },
  });
  await carryToScreening(ctx, row.status as NoticeStatus, toNotice(after));
  if (action === 'extend') await extendInScreening(ctx, toNotice(after), plusYears(today, REVIEW_YEARS));
  return after;
}

/** The row, its step and its events in one transaction; a control number on first publication. */
async function writeStep(
  ctx: AppContext,
  row: NoticeTable,
  patch: Partial<NoticeTable>,
  step: ReturnType<typeof stepRow>,
  action: string,
): Promise<NoticeTable> {
  let after: NoticeTable = { ...row, ...patch };
  // The events name the control number, which is given inside the transaction: they are
  // added to the list there (publishAll writes the list after its `alongside` has run).
  const events: Event[] = [];
  await ctx.events.publishAll(events, async (tx: Tx) => {
    if (patch.status === 'published' && !row.control_number) {
      patch.control_number = await store.nextControlNumber(tx, Number(step.at.slice(0, 4)));
      after = { ...row, ...patch };
    }
    if (!(await store.updateNotice(tx, row.id, row.version, patch))) throw staleVersion();
    await store.insertStep(tx, step);
    events.push(...eventsOf(action, row, after));
  });
  return after;
}

/** A notice that came into force is screened at borders; one that left it is not. */
export async function carryToScreening(ctx: AppContext, before: NoticeStatus, after: Notice) {
  if (after.status === 'published' && before !== 'published') await feedScreening(ctx, after);
  if (before === 'published' && after.status !== 'published') await withdrawFromScreening(ctx, after);
}

/** The housekeeping of notices: expiry at the review date, and screening records a crash left unmade. */
export async function expireDueNotices(ctx: AppContext) {
  const today = nowIso().slice(0, 10);
  const system: Principal = {
    type: 'user',
    id: 'system:notices',
    name: 'notices (expiry)',
    bureau: GENERAL_SECRETARIAT,
    unitId: null,
    roles: ['system'],
    capabilities: ['notices'],
  };
  let expired = 0;
  for (const row of await store.dueForExpiry(ctx.db, today)) {
    const now = nowIso();
    try {
      const after = await writeStep(
        ctx,
        row,
        {
          status: 'expired',
          closed_at: now,
          version: row.version + 1,
          updated_at: now,
          updated_by: system.name,
        },
        stepRow(
          row.id,
          system,
          'expire',
          row.status,
          'expired',
          `Review date ${row.review_date} reached`,
          now,
        ),
        'expire',
      );
      await ctx.audit.record({
        actor: null,
        actorType: 'system',
        action: 'notice.expire',
        target: noticeTarget(row),
        outcome: 'success',
        details: { kind: row.kind, type: row.type, controlNumber: row.control_number },
      });
      await carryToScreening(ctx, 'published', toNotice(after));
      expired++;
    } catch (e) {
      // Changed meanwhile (extended, cancelled): the next run looks again.
      if (!(e instanceof ProblemError)) throw e;
    }
  }
  return expired;
}

export function assertFound<T>(x: T | undefined): T {
  if (!x) throw notFoundOrNoAccess();
  return x;
}
