// Bulk import of one database's records for one bureau: CSV or JSON Lines, a report of every
// rejected row and why, idempotent on the bureau's own reference numbers (a row already held
// unchanged is skipped, a changed one becomes a new version), and — when asked — all or nothing.
import type SQLite from 'better-sqlite3';
import type { AppContext } from '../../../context.js';
import type { Principal } from '../../../platform/auth/principal.js';
import type { Executor, RecordTable } from '../../../platform/db/schema.js';
import { nowIso } from '../../../platform/time.js';
import { noteBulkChange, noteRecordsWritten, tracksWrites } from '../../matching/person-index.sync.js';
import type { DatabaseDefinition } from '../catalogue/catalogue.types.js';
import { assertMayWrite, ownerFor } from '../records.access.js';
import { type PackedWrite, toRecordDto, unpackWrite } from '../records.row.js';
import type { CreateRecordInput } from '../records.schema.js';
import { databaseOrThrow } from '../records.service.js';
import * as store from '../records.store.js';
import { type ImportInput, preparedBatches } from './import.pipeline.js';
import type { PreparedRow, RejectedRow } from './import.prepare.js';
import type { ImportFormat } from './import.source.js';

export type { RejectedRow } from './import.prepare.js';
export type ImportMode = 'all_or_nothing' | 'valid_rows';

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

// Rows written together (in valid-rows mode, one transaction each); also the progress step.
const CHUNK = 2000;
// The report keeps the first rejected rows; the counts keep all.
const MAX_REPORTED = 1000;

class RolledBack extends Error {}

/** The stored envelope and data, to tell an unchanged re-import from a changed one. */
function sameAsStored(held: RecordTable, next: RecordTable): boolean {
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
  return keep(held) === keep(next);
}

export async function importRecords(
  ctx: AppContext,
  principal: Principal,
  databaseId: string,
  input: ImportInput,
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const def = databaseOrThrow(databaseId);
  assertMayWrite(principal, def);
  const owner = ownerFor(def, principal);
  const counts: ImportCounts = { processed: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rows: RejectedRow[] = [];
  // Ids written by committed transactions go to the person index (person-index.sync.ts), when it
  // is loaded; else none are kept (a million ids held through an import slow it down).
  const track = tracksWrites(ctx, def.id);
  const written: string[] | null = track ? [] : null;
  const committed = () =>
    written ? noteRecordsWritten(ctx, def.id, written.splice(0)) : noteBulkChange(ctx);
  // A bureau's first load of a database cannot collide with what it holds: skip the lookups.
  const holdsAny = (await store.countOwnedIn(ctx.db, def.id, owner)) > 0;

  const run = async (ex: Executor | null) => {
    let chunk: PreparedRow[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const batch = chunk;
      chunk = [];
      const write = (tx: Executor) =>
        writeChunk(tx, ctx.handle.sqlite, def, principal, owner, holdsAny, batch, counts, written);
      if (ex) await write(ex);
      else {
        await ctx.db.transaction().execute(write);
        committed();
      }
    };
    const job = {
      format: opts.format,
      input,
      databaseId: def.id,
      owner,
      principal,
      defaults: opts.defaults,
      now: nowIso(),
    };
    for await (const batch of preparedBatches(def, job)) {
      counts.processed += batch.processed;
      counts.rejected += batch.rejected.length;
      rows.push(...batch.rejected.slice(0, Math.max(0, MAX_REPORTED - rows.length)));
      chunk.push(...batch.valid);
      if (chunk.length >= CHUNK) await flush();
      opts.onProgress?.({ ...counts });
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
    committed();
    return { status: 'done', ...counts, rows };
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
    // Nothing was written: say what the file would have done, and why it was refused.
    return { status: 'rolled_back', ...counts, created: 0, updated: 0, unchanged: 0, rows };
  }
}

async function writeChunk(
  ex: Executor,
  sqlite: SQLite.Database | undefined,
  def: DatabaseDefinition,
  principal: Principal,
  owner: string,
  holdsAny: boolean,
  batch: PreparedRow[],
  counts: ImportCounts,
  written: string[] | null,
) {
  const existing = holdsAny
    ? await store.findByReferences(
        ex,
        def.id,
        owner,
        batch.map((v) => v.reference),
      )
    : new Map<string, RecordTable>();
  const creates: PackedWrite[] = [];
  for (const v of batch) {
    const held = existing.get(v.reference);
    if (!held) {
      creates.push(v.write);
      continue;
    }
    const write = unpackWrite(v.write);
    const next: RecordTable = {
      ...write.row,
      id: held.id,
      review_date: v.reviewDateGiven ? write.row.review_date : held.review_date,
      owner_unit: held.owner_unit,
      status: held.status,
      close_reason: held.close_reason,
      closed_at: held.closed_at,
      version: held.version + 1,
      created_at: held.created_at,
      created_by: held.created_by,
    };
    if (sameAsStored(held, next)) {
      counts.unchanged++;
      continue;
    }
    const keys = write.keys.map((k) => ({ ...k, record_id: held.id }));
    if (await store.replaceRecord(ex, held.version, { row: next, keys })) {
      const { access: _a, ...snapshot } = toRecordDto(held);
      await store.insertVersion(ex, {
        record_id: held.id,
        version: held.version,
        snapshot: JSON.stringify(snapshot),
        replaced_at: next.updated_at,
        replaced_by: principal.name,
        change: 'import',
      });
      counts.updated++;
      written?.push(held.id);
    }
  }
  await store.insertPacked(ex, creates, sqlite);
  counts.created += creates.length;
  // RECORD_COLUMNS[0] is the id.
  if (written) for (const c of creates) written.push(c.v[0] as string);
}
