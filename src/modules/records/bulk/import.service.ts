// Bulk import of one database's records for one bureau: CSV or JSON Lines, a report of every
// rejected row and why, idempotent on the bureau's own reference numbers (a row already held
// unchanged is skipped, a changed one becomes a new version), and — when asked — all or nothing.
import type { Readable } from 'node:stream';
import type { AppContext } from '../../../context.js';
import type { Principal } from '../../../platform/auth/principal.js';
import type { Executor, RecordTable } from '../../../platform/db/schema.js';
import { uuid7 } from '../../../platform/ids/uuid7.js';
import { nowIso } from '../../../platform/time.js';
import type { DatabaseDefinition, FieldIssue } from '../catalogue/catalogue.types.js';
import { assertMayWrite, ownerFor } from '../records.access.js';
import { buildRecordWrite, type RecordEnvelope, type RecordWrite, toRecordDto } from '../records.row.js';
import type { CreateRecordInput } from '../records.schema.js';
import { databaseOrThrow, envelopeIssues } from '../records.service.js';
import * as store from '../records.store.js';
import { createBodyIssues, prepareData } from '../records.validate.js';
import { type ImportFormat, readRows } from './import.source.js';

export type ImportMode = 'all_or_nothing' | 'valid_rows';

export interface RejectedRow {
  line: number;
  reference: string | null;
  errors: FieldIssue[];
}

export interface ImportCounts {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportOutcome extends ImportCounts {
  status: 'done' | 'rolled_back';
  rows: RejectedRow[];
}

export interface ImportOptions {
  format: ImportFormat;
  mode: ImportMode;
  /** Envelope values for rows that leave them out (a CSV of data columns only, say). */
  defaults?: Partial<CreateRecordInput>;
  onProgress?: (counts: ImportCounts) => void;
}

// Rows validated and written together; also the progress step.
const CHUNK = 2000;
// The report keeps the first rejected rows; the counts keep all.
const MAX_REPORTED = 1000;

class RolledBack extends Error {}

interface Valid {
  line: number;
  body: CreateRecordInput;
  data: Record<string, unknown>;
  warnings: FieldIssue[];
}

/** The stored envelope and data, to tell an unchanged re-import from a changed one. */
function sameAsStored(row: RecordTable, v: Valid, write: RecordWrite): boolean {
  const keep = (r: RecordTable) =>
    [
      r.restriction_mode,
      r.restriction_bureaus,
      r.handling,
      r.purpose,
      r.legal_basis,
      r.review_date,
      r.source_reliability,
      r.info_accuracy,
      r.data,
    ].join('\u0000');
  const next = { ...write.row, review_date: v.body.reviewDate ?? row.review_date };
  return keep(row) === keep(next);
}

export async function importRecords(
  ctx: AppContext,
  principal: Principal,
  databaseId: string,
  input: string | Readable,
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const def = databaseOrThrow(databaseId);
  assertMayWrite(principal, def);
  const owner = ownerFor(def, principal);
  const counts: ImportCounts = { processed: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rows: RejectedRow[] = [];
  const seen = new Map<string, number>();
  const reject = (line: number, reference: string | null, errors: FieldIssue[]) => {
    counts.rejected++;
    if (rows.length < MAX_REPORTED) rows.push({ line, reference, errors });
  };

  const run = async (ex: Executor | null) => {
    let chunk: Valid[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const batch = chunk;
      chunk = [];
      if (ex) await writeChunk(ex, def, principal, owner, batch, counts);
      else await ctx.db.transaction().execute((tx) => writeChunk(tx, def, principal, owner, batch, counts));
      opts.onProgress?.({ ...counts });
    };
    for await (const { line, body: raw } of readRows(opts.format, input, def.schema)) {
      counts.processed++;
      if ('unreadable' in raw) {
        reject(line, null, [{ field: 'line', message: String(raw.unreadable) }]);
        continue;
      }
      const body = { ...opts.defaults, ...raw } as CreateRecordInput;
      const reference = typeof body.reference === 'string' ? body.reference : null;
      const shape = createBodyIssues(body);
      if (shape.length > 0) {
        reject(line, reference, shape);
        continue;
      }
      const earlier = seen.get(body.reference);
      if (earlier !== undefined) {
        reject(line, reference, [{ field: 'reference', message: `is also on line ${earlier} of this file` }]);
        continue;
      }
      seen.set(body.reference, line);
      const prepared = prepareData(def, body.data, owner);
      const issues = [...envelopeIssues(def, owner, body, prepared.data), ...prepared.errors];
      if (issues.length > 0) {
        reject(line, reference, issues);
        continue;
      }
      chunk.push({ line, body, data: prepared.data, warnings: prepared.warnings });
      if (chunk.length >= CHUNK) await flush();
      else if (counts.processed % CHUNK === 0) opts.onProgress?.({ ...counts });
    }
    await flush();
    opts.onProgress?.({ ...counts });
    if (ex && counts.rejected > 0) throw new RolledBack();
  };

  if (opts.mode === 'valid_rows') {
    await run(null);
    return { status: 'done', ...counts, rows };
  }
  try {
    await ctx.db.transaction().execute((tx) => run(tx));
    return { status: 'done', ...counts, rows };
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
    // Nothing was written: say what the file would have done, and why it was refused.
    return { status: 'rolled_back', ...counts, created: 0, updated: 0, unchanged: 0, rows };
  }
}

async function writeChunk(
  ex: Executor,
  def: DatabaseDefinition,
  principal: Principal,
  owner: string,
  batch: Valid[],
  counts: ImportCounts,
) {
  const now = nowIso();
  const existing = await store.findByReferences(
    ex,
    def.id,
    owner,
    batch.map((v) => v.body.reference),
  );
  const creates: RecordWrite[] = [];
  for (const v of batch) {
    const held = existing.get(v.body.reference);
    const write = buildRecordWrite(
      def,
      v.body as RecordEnvelope,
      v.data,
      v.warnings,
      principal,
      owner,
      now,
      held?.id ?? uuid7(),
    );
    if (!held) {
      creates.push(write);
      continue;
    }
    if (sameAsStored(held, v, write)) {
      counts.unchanged++;
      continue;
    }
    const next: RecordTable = {
      ...write.row,
      review_date: v.body.reviewDate ?? held.review_date,
      owner_unit: held.owner_unit,
      status: held.status,
      close_reason: held.close_reason,
      closed_at: held.closed_at,
      version: held.version + 1,
      created_at: held.created_at,
      created_by: held.created_by,
    };
    if (await store.replaceRecord(ex, held.version, { row: next, keys: write.keys })) {
      const { access: _a, ...snapshot } = toRecordDto(held);
      await store.insertVersion(ex, {
        record_id: held.id,
        version: held.version,
        snapshot: JSON.stringify(snapshot),
        replaced_at: now,
        replaced_by: principal.name,
        change: 'import',
      });
      counts.updated++;
    }
  }
  await store.insertRecords(ex, creates);
  counts.created += creates.length;
}
