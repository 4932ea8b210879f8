// The lifecycle of a record in any of the 19 databases: create, read, change (versioned,
// If-Match), close, delete (real removal, the fact audited), history and browsing. Every read
// is decided by the access policy and written to the audit chain.

import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { RecordTable } from '../../platform/db/schema.js';
import { staleVersion } from '../../platform/http/etag.js';
import { badRequest, conflict, notFoundOrNoAccess, ProblemError } from '../../platform/http/problem.js';
import { decideAccess } from '../../platform/policy/access.js';
import { validateRestriction } from '../../platform/policy/access.schema.js';
import { nowIso } from '../../platform/time.js';
import { noteRecordRemoved, noteRecordsWritten } from '../matching/person-index.sync.js';
import {
  DATABASE_IDS,
  type DatabaseDefinition,
  type DatabaseId,
  type FieldIssue,
} from './catalogue/catalogue.types.js';
import { CATALOGUE, definitionOf } from './catalogue/index.js';
import {
  assertMayDelete,
  assertMayWrite,
  needsLegalBasis,
  ownerFor,
  reviewsEverything,
} from './records.access.js';
import {
  accessOf,
  buildRecordWrite,
  type RecordEnvelope,
  reviewDateAfter,
  toRecordDto,
} from './records.row.js';
import type { CreateRecordInput, RecordExistsDto, UpdateRecordInput } from './records.schema.js';
import * as store from './records.store.js';
import { prepareData } from './records.validate.js';

export function databaseOrThrow(id: string): DatabaseDefinition {
  if (!(DATABASE_IDS as readonly string[]).includes(id)) throw notFoundOrNoAccess();
  return definitionOf(id as DatabaseId);
}

function target(row: Pick<RecordTable, 'id' | 'owner_bureau'>) {
  return { type: 'record', id: row.id, bureau: row.owner_bureau };
}

/** What is wrong with an envelope under the database's rules (empty when nothing). */
export function envelopeIssues(
  def: DatabaseDefinition,
  owner: string,
  e: RecordEnvelope,
  data: Record<string, unknown>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const restriction = validateRestriction(owner, e.restriction);
  if (restriction) issues.push({ field: 'restriction', message: restriction });
  if (needsLegalBasis(def, data) && !e.legalBasis) {
    issues.push({ field: 'legalBasis', message: 'is required for records holding personal data' });
  }
  if (e.reviewDate) {
    const today = nowIso().slice(0, 10);
    const latest = reviewDateAfter(def.reviewYears);
    if (Number.isNaN(Date.parse(e.reviewDate)))
      issues.push({ field: 'reviewDate', message: 'is not a real date' });
    else if (e.reviewDate <= today) issues.push({ field: 'reviewDate', message: 'must be in the future' });
    else if (e.reviewDate > latest) {
      issues.push({
        field: 'reviewDate',
        message: `must be at most ${def.reviewYears} years away (${latest})`,
      });
    }
  }
  return issues;
}

function invalid(issues: FieldIssue[]) {
  return new ProblemError(
    400,
    'invalid_input',
    issues.map((e) => `${e.field} ${e.message}`).join('; '),
    issues,
  );
}

/** Validates an envelope and its data together; throws 400 naming every field at fault. */
function validated(def: DatabaseDefinition, owner: string, e: RecordEnvelope, raw: Record<string, unknown>) {
  const prepared = prepareData(def, raw, owner);
  const issues = [...envelopeIssues(def, owner, e, prepared.data), ...prepared.errors];
  if (issues.length > 0) throw invalid(issues);
  return prepared;
}

export async function createRecord(
  ctx: AppContext,
  principal: Principal,
  databaseId: string,
  input: CreateRecordInput,
  meta: RequestMeta,
) {
  const def = databaseOrThrow(databaseId);
  assertMayWrite(principal, def);
  const owner = ownerFor(def, principal);
  const { data, warnings } = validated(def, owner, input, input.data);
  if ((await store.findByReferences(ctx.db, def.id, owner, [input.reference])).size > 0) {
    throw conflict(
      'duplicate_reference',
      `Your bureau already has a ${def.id} record ${input.reference}`,
      'reference',
    );
  }
  const write = buildRecordWrite(def, input, data, warnings, principal, owner, nowIso());
  await ctx.db.transaction().execute((tx) => store.insertRecords(tx, [write]));
  noteRecordsWritten(ctx, def.id, [write.row.id]);
  await ctx.audit.record({
    actor: principal,
    action: 'record.create',
    purpose: input.purpose,
    target: target(write.row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { database: def.id },
  });
  return write.row;
}

/** Reads one record through the policy: the record, the fact that it exists, or 404. Audited. */
/**
 * The one way a single record is read: found, decided by the access policy, and the attempt
 * written to the audit chain (with its purpose) whatever the answer. `action` names what was
 * read: the record, its history, its files.
 */
export async function decidedRead(
  ctx: AppContext,
  principal: Principal,
  id: string,
  action: string,
  meta: RequestMeta,
) {
  const row = await store.findRecord(ctx.db, id);
  const decision = row ? decideAccess(principal, accessOf(row)) : 'none';
  await ctx.audit.record({
    actor: principal,
    action,
    purpose: meta.purpose,
    target: row ? target(row) : { type: 'record', id },
    outcome: decision === 'see' ? 'success' : decision === 'exists' ? 'exists' : 'denied',
    requestId: meta.requestId,
  });
  return { row, decision };
}

export async function readRecord(
  ctx: AppContext,
  principal: Principal,
  id: string,
  meta: RequestMeta,
): Promise<{ row: RecordTable } | { exists: RecordExistsDto }> {
  const { row, decision } = await decidedRead(ctx, principal, id, 'record.read', meta);
  if (!row || decision === 'none') throw notFoundOrNoAccess();
  if (decision === 'exists') {
    return {
      exists: { access: 'exists', id: row.id, database: row.database_id, ownerBureau: row.owner_bureau },
    };
  }
  return { row };
}

/** The record as its owner's writer sees it, or the right refusal. */
async function ownedForChange(ctx: AppContext, principal: Principal, id: string, deleting = false) {
  const row = await store.findRecord(ctx.db, id);
  if (!row || decideAccess(principal, accessOf(row)) === 'none') throw notFoundOrNoAccess();
  const def = databaseOrThrow(row.database_id);
  if (deleting) assertMayDelete(principal, def);
  else assertMayWrite(principal, def);
  if (row.owner_bureau !== principal.bureau) {
    throw new ProblemError(
      403,
      'not_owner',
      `Only the owner bureau ${row.owner_bureau} may change this record`,
    );
  }
  return { row, def };
}

function envelopeOf(row: RecordTable): RecordEnvelope {
  const dto = toRecordDto(row);
  return {
    reference: dto.reference,
    restriction: dto.restriction,
    handling: dto.handling,
    purpose: dto.purpose,
    legalBasis: dto.legalBasis,
    reviewDate: dto.reviewDate,
    sourceReliability: dto.sourceReliability,
    infoAccuracy: dto.infoAccuracy,
  };
}

/** Replaces `row` by `next` in one transaction, keeping the old one in the history. */
async function replaceVersioned(
  ctx: AppContext,
  principal: Principal,
  row: RecordTable,
  expectedVersion: number,
  next: RecordTable,
  keys: ReturnType<typeof buildRecordWrite>['keys'],
  change: string,
) {
  if (row.version !== expectedVersion) throw staleVersion();
  const ok = await ctx.db.transaction().execute(async (tx) => {
    const replaced = await store.replaceRecord(tx, expectedVersion, { row: next, keys });
    if (!replaced) return false;
    const { access: _a, ...snapshot } = toRecordDto(row);
    await store.insertVersion(tx, {
      record_id: row.id,
      version: row.version,
      snapshot: JSON.stringify(snapshot),
      replaced_at: next.updated_at,
      replaced_by: principal.name,
      change,
    });
    return true;
  });
  if (!ok) throw staleVersion();
  noteRecordsWritten(ctx, row.database_id, [row.id]);
}

export async function updateRecord(
  ctx: AppContext,
  principal: Principal,
  id: string,
  expectedVersion: number,
  input: UpdateRecordInput,
  meta: RequestMeta,
) {
  const { row, def } = await ownedForChange(ctx, principal, id);
  const envelope: RecordEnvelope = { ...envelopeOf(row) };
  if (input.restriction) envelope.restriction = input.restriction;
  if (input.handling) envelope.handling = input.handling;
  if (input.purpose) envelope.purpose = input.purpose;
  if (input.legalBasis !== undefined) envelope.legalBasis = input.legalBasis;
  if (input.sourceReliability) envelope.sourceReliability = input.sourceReliability;
  if (input.infoAccuracy) envelope.infoAccuracy = input.infoAccuracy;
  if (input.reviewDate) envelope.reviewDate = input.reviewDate;
  const prepared = validated(
    def,
    row.owner_bureau,
    { ...envelope, reviewDate: input.reviewDate },
    input.data ?? (JSON.parse(row.data) as Record<string, unknown>),
  );
  const now = nowIso();
  const write = buildRecordWrite(
    def,
    envelope,
    prepared.data,
    prepared.warnings,
    principal,
    row.owner_bureau,
    now,
    row.id,
  );
  const next: RecordTable = {
    ...write.row,
    owner_unit: row.owner_unit,
    status: row.status,
    close_reason: row.close_reason,
    closed_at: row.closed_at,
    version: row.version + 1,
    created_at: row.created_at,
    created_by: row.created_by,
  };
  await replaceVersioned(ctx, principal, row, expectedVersion, next, write.keys, 'update');
  await ctx.audit.record({
    actor: principal,
    action: 'record.update',
    purpose: envelope.purpose,
    target: target(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { database: def.id, fields: Object.keys(input).sort().join(','), version: next.version },
  });
  return next;
}

export async function closeRecord(
  ctx: AppContext,
  principal: Principal,
  id: string,
  expectedVersion: number,
  reason: string,
  meta: RequestMeta,
) {
  const { row, def } = await ownedForChange(ctx, principal, id);
  if (!def.closeReasons.includes(reason)) {
    throw badRequest('reason', `must be one of: ${def.closeReasons.join(', ')}`);
  }
  if (row.status === 'closed') throw conflict('already_closed', 'This record is already closed');
  const now = nowIso();
  const next: RecordTable = {
    ...row,
    status: 'closed',
    close_reason: reason,
    closed_at: now,
    version: row.version + 1,
    updated_at: now,
    updated_by: principal.name,
  };
  const keys =
    (await ctx.db.selectFrom('record_keys').selectAll().where('record_id', '=', id).execute()) ?? [];
  await replaceVersioned(ctx, principal, row, expectedVersion, next, keys, 'close');
  await ctx.audit.record({
    actor: principal,
    action: 'record.close',
    target: target(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { database: def.id, reason },
  });
  return next;
}

/** Real deletion of the record, its history, keys, attachments and hits; the fact is audited. */
export async function deleteRecord(
  ctx: AppContext,
  principal: Principal,
  id: string,
  expectedVersion: number,
  meta: RequestMeta,
) {
  const { row, def } = await ownedForChange(ctx, principal, id, true);
  if (row.version !== expectedVersion) throw staleVersion();
  const deleted = await ctx.db.transaction().execute((tx) => store.deleteRecord(tx, id, expectedVersion));
  if (!deleted) throw staleVersion();
  noteRecordRemoved(ctx, id);
  await ctx.audit.record({
    actor: principal,
    action: 'record.delete',
    target: target(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { database: def.id, reference: row.reference, version: row.version },
  });
}

export async function recordHistory(ctx: AppContext, principal: Principal, id: string, meta: RequestMeta) {
  const { row, decision } = await decidedRead(ctx, principal, id, 'record.history', meta);
  if (!row || decision !== 'see') throw notFoundOrNoAccess();
  const { access: _a, ...current } = toRecordDto(row);
  const older = await store.listVersions(ctx.db, id);
  return [
    { version: row.version, change: 'current', at: row.updated_at, by: row.updated_by, record: current },
    ...older.map((v) => ({
      version: v.version,
      change: v.change,
      at: v.replaced_at,
      by: v.replaced_by,
      record: JSON.parse(v.snapshot) as Record<string, unknown>,
    })),
  ];
}

/** Pages through the records of a database the principal may see, newest first. */
export async function browseRecords(
  ctx: AppContext,
  principal: Principal,
  databaseId: string,
  opts: { owner?: string; status?: 'active' | 'closed'; terms?: string[]; cursor?: string; limit: number },
  meta: RequestMeta,
) {
  const def = databaseOrThrow(databaseId);
  const page = await visibleRecords(ctx, principal, [def.id], opts);
  await ctx.audit.record({
    actor: principal,
    action: 'record.list',
    purpose: meta.purpose,
    target: { type: 'database', id: def.id },
    outcome: 'success',
    requestId: meta.requestId,
    details: { results: page.rows.length, ...(opts.owner ? { owner: opts.owner } : {}) },
  });
  return page;
}

/**
 * The records of `databases` the principal may `see`, newest first, a page at a time: the SQL
 * pre-filter narrows, the access policy decides each row. Used by browsing and free-text search.
 */
export async function visibleRecords(
  ctx: AppContext,
  principal: Principal,
  databases: string[],
  opts: { owner?: string; status?: 'active' | 'closed'; terms?: string[]; cursor?: string; limit: number },
) {
  const readable = databases.filter((d) =>
    principal.capabilities.includes(definitionOf(d as DatabaseId).capability),
  );
  const rows: RecordTable[] = [];
  const size = opts.limit * 2;
  let cursor = opts.cursor;
  let exhausted = false;
  // Bounded: at most ten batches of candidates per page, so a page never scans without end;
  // a short page with a cursor means "more may follow".
  scan: for (let round = 0; round < 10; round++) {
    const batch = await store.listCandidates(ctx.db, {
      databases: readable,
      bureau: principal.bureau,
      reviewsEverything: reviewsEverything(principal),
      owner: opts.owner,
      status: opts.status,
      terms: opts.terms,
      before: cursor,
      limit: size,
    });
    for (const r of batch) {
      cursor = r.id;
      if (decideAccess(principal, accessOf(r)) !== 'see') continue;
      rows.push(r);
      if (rows.length === opts.limit) break scan;
    }
    if (batch.length < size) {
      exhausted = true;
      break;
    }
  }
  return { rows, nextCursor: exhausted ? null : (cursor ?? null) };
}

/** The catalogue as a principal sees it: every database, what it may do there, its own counts. */
export async function catalogueFor(ctx: AppContext, principal: Principal) {
  const owned = await store.countOwned(ctx.db, principal.bureau);
  return CATALOGUE.map((def) => {
    let canCreate = true;
    try {
      assertMayWrite(principal, def);
    } catch {
      canCreate = false;
    }
    return {
      id: def.id,
      number: def.number,
      capability: def.capability,
      ownership: def.ownership,
      managedBy: def.managedBy ?? null,
      reviewYears: def.reviewYears,
      closeReasons: [...def.closeReasons],
      identifierKinds: [...def.identifierKinds],
      holdsPersons: def.persons !== undefined,
      needsLegalBasis: needsLegalBasis(def),
      legalBasisWhenPersons: def.persons !== undefined,
      canRead: principal.capabilities.includes(def.capability),
      canCreate,
      ownRecords: owned.get(def.id) ?? 0,
      schema: def.schema as unknown as Record<string, unknown>,
    };
  });
}
