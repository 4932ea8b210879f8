// Imports started through the API run in the background of the process that received them;
// the caller polls their progress. The row in `record_imports` holds the outcome; progress
// while running is kept in this process's memory (an all-or-nothing import holds one
// transaction, so intermediate counts cannot be committed anyway).
import type { AppContext, RequestMeta } from '../../../context.js';
import type { Principal } from '../../../platform/auth/principal.js';
import type { RecordImportTable } from '../../../platform/db/schema.js';
import { notFoundOrNoAccess } from '../../../platform/http/problem.js';
import { uuid7 } from '../../../platform/ids/uuid7.js';
import { nowIso } from '../../../platform/time.js';
import { assertMayWrite, ownerFor } from '../records.access.js';
import type { CreateRecordInput } from '../records.schema.js';
import { databaseOrThrow } from '../records.service.js';
import {
  type ImportCounts,
  type ImportMode,
  type ImportOutcome,
  importRecords,
  type RejectedRow,
} from './import.service.js';
import { countRows, type ImportFormat } from './import.source.js';

const live = new Map<string, ImportCounts>();
const running = new Set<Promise<unknown>>();

/** Resolves when every import this process is running has finished (for a clean shutdown). */
export async function importsSettled() {
  await Promise.allSettled([...running]);
}

export function toImportDto(row: RecordImportTable) {
  const counts = live.get(row.id);
  return {
    id: row.id,
    database: row.database_id,
    format: row.format,
    mode: row.mode,
    status: row.status,
    total: row.total,
    processed: counts?.processed ?? row.processed,
    created: counts?.created ?? row.created,
    updated: counts?.updated ?? row.updated,
    unchanged: counts?.unchanged ?? row.unchanged,
    rejected: counts?.rejected ?? row.rejected,
    rows: row.report ? (JSON.parse(row.report) as RejectedRow[]) : [],
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    createdBy: row.created_by,
  };
}

async function finish(
  ctx: AppContext,
  principal: Principal,
  row: RecordImportTable,
  outcome: ImportOutcome | Error,
  meta: RequestMeta,
) {
  const ok = !(outcome instanceof Error);
  await ctx.db
    .updateTable('record_imports')
    .set({
      status: ok ? outcome.status : 'failed',
      ...(ok
        ? {
            processed: outcome.processed,
            created: outcome.created,
            updated: outcome.updated,
            unchanged: outcome.unchanged,
            rejected: outcome.rejected,
            report: JSON.stringify(outcome.rows),
          }
        : { error: 'The import stopped on a server error; nothing of it was kept in all-or-nothing mode' }),
      finished_at: nowIso(),
    })
    .where('id', '=', row.id)
    .execute();
  live.delete(row.id);
  await ctx.audit.record({
    actor: principal,
    action: 'record.import',
    target: { type: 'import', id: row.id, bureau: row.bureau },
    outcome: ok ? 'success' : 'failure',
    requestId: meta.requestId,
    details: ok
      ? {
          database: row.database_id,
          mode: row.mode,
          status: outcome.status,
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          rejected: outcome.rejected,
        }
      : { database: row.database_id, mode: row.mode, status: 'failed' },
  });
}

export async function startImport(
  ctx: AppContext,
  principal: Principal,
  databaseId: string,
  input: { format: ImportFormat; mode: ImportMode; content: string; defaults?: Partial<CreateRecordInput> },
  meta: RequestMeta,
) {
  const def = databaseOrThrow(databaseId);
  assertMayWrite(principal, def);
  const row: RecordImportTable = {
    id: uuid7(),
    database_id: def.id,
    bureau: ownerFor(def, principal),
    created_by: principal.name,
    format: input.format,
    mode: input.mode,
    status: 'running',
    total: countRows(input.format, input.content),
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    report: null,
    error: null,
    created_at: nowIso(),
    finished_at: null,
  };
  await ctx.db.insertInto('record_imports').values(row).execute();
  live.set(row.id, { processed: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 });
  const job = importRecords(
    ctx,
    principal,
    def.id,
    { content: input.content },
    {
      format: input.format,
      mode: input.mode,
      defaults: input.defaults,
      onProgress: (c) => live.set(row.id, c),
    },
  )
    .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))
    .then((outcome) => finish(ctx, principal, row, outcome, meta))
    .catch(() => {
      // The outcome could not be recorded (the database went away); the row stays 'running'
      // and is marked failed at the next start.
    });
  running.add(job);
  void job.finally(() => running.delete(job));
  return toImportDto(row);
}

export async function getImport(ctx: AppContext, principal: Principal, id: string) {
  const row = await ctx.db.selectFrom('record_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.bureau !== principal.bureau) throw notFoundOrNoAccess();
  return toImportDto(row);
}

export async function listImports(ctx: AppContext, principal: Principal) {
  const rows = await ctx.db
    .selectFrom('record_imports')
    .selectAll()
    .where('bureau', '=', principal.bureau)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return rows.map(toImportDto);
}

/** At start: imports a stopped process left 'running' will never finish. */
export async function failAbandonedImports(ctx: AppContext, olderThan: string) {
  await ctx.db
    .updateTable('record_imports')
    .set({ status: 'failed', error: 'The server stopped during the import', finished_at: nowIso() })
    .where('status', '=', 'running')
    .where('created_at', '<', olderThan)
    .execute();
}
