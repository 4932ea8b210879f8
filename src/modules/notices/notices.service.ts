// The rules of notices and diffusions: who may write one, read one, list them; every read goes
// through the access policy and every action into the audit chain. The workflow's steps are in
// notices.steps.ts.
import type { AppContext, RequestMeta } from '../../context.js';
import { GENERAL_SECRETARIAT, hasRole, type Principal } from '../../platform/auth/principal.js';
import type { NoticeTable } from '../../platform/db/schema.js';
import { staleVersion } from '../../platform/http/etag.js';
import { forbidden, notFoundOrNoAccess, ProblemError } from '../../platform/http/problem.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import { decideAccess } from '../../platform/policy/access.js';
import { nowIso } from '../../platform/time.js';
import { bureauExists } from '../bureaus/bureaus.store.js';
import type { Notice, NoticeKind, NoticeType } from './notice.types.js';
import { EDITABLE, EDITOR_ROLES } from './notice.workflow.js';
import { accessOfNotice, liftedColumns, toNotice } from './notices.row.js';
import * as store from './notices.store.js';
import { noticeIssues, titleOf } from './notices.validate.js';

export interface NoticeInput {
  kind: NoticeKind;
  type: NoticeType;
  data: Record<string, unknown>;
  recipients?: string[];
  publicExtract?: boolean;
  handling?: 'official' | 'restricted';
  language?: Notice['language'];
}
export type NoticeChange = Partial<Omit<NoticeInput, 'kind' | 'type'>>;

export const noticeTarget = (row: Pick<NoticeTable, 'id' | 'requesting_bureau'>) => ({
  type: 'notice',
  id: row.id,
  bureau: row.requesting_bureau,
});

function assertMayDraft(p: Principal) {
  if (!p.capabilities.includes('notices')) {
    throw new ProblemError(403, 'missing_capability', 'Notices need the notices capability');
  }
  if (!hasRole(p, ...EDITOR_ROLES))
    throw forbidden('Requesting a notice needs the officer or supervisor role');
}

async function checked(
  ctx: AppContext,
  requestingBureau: string,
  input: Required<Pick<NoticeInput, 'kind' | 'type' | 'data' | 'recipients' | 'publicExtract'>>,
) {
  const recipients = [...new Set(input.recipients.map((r) => r.toUpperCase()))];
  const known = new Set<string>();
  for (const r of recipients) if (await bureauExists(ctx.db, r)) known.add(r);
  const errors = noticeIssues({ ...input, recipients }, requestingBureau, (c) => known.has(c));
  if (errors.length > 0) {
    throw new ProblemError(
      400,
      'invalid_input',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  }
  return recipients;
}

export async function createNotice(ctx: AppContext, p: Principal, input: NoticeInput, meta: RequestMeta) {
  assertMayDraft(p);
  const full = {
    kind: input.kind,
    type: input.type,
    data: input.data,
    recipients: input.recipients ?? [],
    publicExtract: input.publicExtract ?? false,
  };
  const recipients = await checked(ctx, p.bureau, full);
  const now = nowIso();
  const row: NoticeTable = {
    id: uuid7(),
    control_number: null,
    kind: input.kind,
    type: input.type,
    status: 'draft',
    requesting_bureau: p.bureau,
    requesting_unit: p.unitId,
    title: titleOf(input.type, input.data),
    data: JSON.stringify(input.data),
    recipients: JSON.stringify(recipients),
    public_extract: full.publicExtract ? 1 : 0,
    handling: input.handling ?? 'official',
    language: input.language ?? 'en',
    ...liftedColumns(input.data),
    reviewer: null,
    submitted_at: null,
    published_at: null,
    review_date: null,
    closed_at: null,
    compliance_checked_at: null,
    version: 1,
    created_at: now,
    created_by: p.id,
    updated_at: now,
    updated_by: p.name,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await store.insertNotice(tx, row);
    await store.insertStep(tx, stepRow(row.id, p, 'create', null, 'draft', null, now));
  });
  await ctx.audit.record({
    actor: p,
    action: 'notice.create',
    purpose: meta.purpose,
    target: noticeTarget(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { kind: row.kind, type: row.type },
  });
  return row;
}

export function stepRow(
  noticeId: string,
  p: Principal,
  action: string,
  from: string | null,
  to: string,
  comment: string | null,
  at: string,
) {
  return {
    id: uuid7(),
    notice_id: noticeId,
    at,
    action,
    from_status: from,
    to_status: to,
    actor_id: p.id,
    actor_name: p.name,
    actor_bureau: p.bureau,
    comment,
  };
}

/**
 * A notice its requesting bureau's officers may change now (its data, its photos): theirs, and
 * still a draft, approved (it goes back to draft) or returned for information.
 */
export async function noticeToChange(ctx: AppContext, p: Principal, id: string) {
  assertMayDraft(p);
  const row = await store.findNotice(ctx.db, id);
  if (!row || row.requesting_bureau !== p.bureau) throw notFoundOrNoAccess();
  if (!EDITABLE.includes(row.status as Notice['status'])) {
    throw new ProblemError(
      409,
      'wrong_status',
      `A ${row.kind} that is ${row.status} can no longer be changed`,
    );
  }
  return row;
}

/** The requesting bureau's officers change a notice while it is theirs: an approved one goes back to draft. */
export async function updateNotice(
  ctx: AppContext,
  p: Principal,
  id: string,
  version: number,
  change: NoticeChange,
  meta: RequestMeta,
) {
  const row = await noticeToChange(ctx, p, id);
  if (row.version !== version) throw staleVersion();
  const current = toNotice(row);
  const next = {
    kind: current.kind,
    type: current.type,
    data: (change.data ?? current.data) as Record<string, unknown>,
    recipients: change.recipients ?? current.recipients,
    publicExtract: change.publicExtract ?? current.publicExtract,
  };
  const recipients = await checked(ctx, row.requesting_bureau, next);
  const now = nowIso();
  const status = row.status === 'approved' ? 'draft' : row.status;
  const patch: Partial<NoticeTable> = {
    title: titleOf(next.type, next.data),
    data: JSON.stringify(next.data),
    recipients: JSON.stringify(recipients),
    public_extract: next.publicExtract ? 1 : 0,
    handling: change.handling ?? row.handling,
    language: change.language ?? row.language,
    ...liftedColumns(next.data),
    status,
    version: row.version + 1,
    updated_at: now,
    updated_by: p.name,
  };
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await store.updateNotice(tx, id, version, patch))) throw staleVersion();
    await store.insertStep(tx, stepRow(id, p, 'update', row.status, status, null, now));
  });
  await ctx.audit.record({
    actor: p,
    action: 'notice.update',
    purpose: meta.purpose,
    target: noticeTarget(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { type: row.type, fields: Object.keys(change).sort().join(','), version: row.version + 1 },
  });
  return (await store.findNotice(ctx.db, id))!;
}

/**
 * The one way a notice is read: decided by the access policy, the attempt audited whatever the
 * answer. A notice the policy does not let the principal see reads as not found.
 */
export async function decidedNotice(
  ctx: AppContext,
  p: Principal,
  id: string,
  action: string,
  meta: RequestMeta,
) {
  const row = await store.findNotice(ctx.db, id);
  const decision = row ? decideAccess(p, accessOfNotice(row)) : 'none';
  await ctx.audit.record({
    actor: p,
    action,
    purpose: meta.purpose,
    target: row ? noticeTarget(row) : { type: 'notice', id },
    outcome: decision === 'see' ? 'success' : 'denied',
    requestId: meta.requestId,
  });
  if (!row || decision !== 'see') throw notFoundOrNoAccess();
  return row;
}

export async function readNotice(ctx: AppContext, p: Principal, id: string, meta: RequestMeta) {
  const row = await decidedNotice(ctx, p, id, 'notice.read', meta);
  const [steps, files] = await Promise.all([store.stepsOf(ctx.db, id), store.filesOf(ctx.db, id)]);
  return { row, steps, files };
}

export const LIST_SCOPES = ['bureau', 'published', 'review', 'all'] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

export interface ListQuery {
  scope: ListScope;
  type?: string;
  status?: string;
  kind?: string;
  before?: string;
  limit: number;
}

/**
 * Lists: `bureau` — what this bureau requested; `published` — notices and diffusions in force
 * from other bureaus (the inbox); `review` — the General Secretariat's queue; `all` — every
 * notice the policy lets the principal see. Each row is decided by the policy.
 */
export async function listNotices(ctx: AppContext, p: Principal, q: ListQuery, meta: RequestMeta) {
  if (!p.capabilities.includes('notices')) {
    throw new ProblemError(403, 'missing_capability', 'Notices need the notices capability');
  }
  if (q.scope === 'review' && !(p.bureau === GENERAL_SECRETARIAT && hasRole(p, 'gs_reviewer'))) {
    throw forbidden('The review queue is for General Secretariat reviewers');
  }
  const statuses = q.status ? [q.status] : undefined;
  const out: NoticeTable[] = [];
  let before = q.before;
  // The pre-filter may return rows the policy then drops; read on until the page is full.
  for (let round = 0; round < 10 && out.length < q.limit; round++) {
    const rows = await store.listNotices(ctx.db, {
      bureau: q.scope === 'bureau' ? p.bureau : undefined,
      publishedFor: q.scope === 'published' ? p.bureau : undefined,
      reviewQueue: q.scope === 'review',
      statuses,
      type: q.type,
      kind: q.kind,
      before,
      limit: q.limit * 2,
    });
    for (const r of rows) {
      if (out.length < q.limit && decideAccess(p, accessOfNotice(r)) === 'see') out.push(r);
    }
    if (rows.length < q.limit * 2) break;
    before = rows.at(-1)!.id;
  }
  await ctx.audit.record({
    actor: p,
    action: 'notice.list',
    purpose: meta.purpose,
    outcome: 'success',
    requestId: meta.requestId,
    details: { scope: q.scope, count: out.length, ...(q.type ? { type: q.type } : {}) },
  });
  return { items: out, next: out.length === q.limit ? out.at(-1)!.id : null };
}

/** Counts by type, status and year, for the General Secretariat. */
export async function noticeCounts(ctx: AppContext, p: Principal) {
  if (p.bureau !== GENERAL_SECRETARIAT) throw forbidden('Notice statistics are for the General Secretariat');
  return store.counts(ctx.db);
}
