// Keeps the person index of each database in step with its records.
//
// - First use: every record of the databases that name persons is loaded (a million persons
//   take some seconds; searches wait for it once).
// - Writes made by this process (records created, changed, closed, deleted, imported) name the
//   records they touched; the next search re-reads exactly those before it runs, so an officer
//   finds what was just recorded.
// - Writes made by another process (the `meridian import` command, another server on the same
//   PostgreSQL) are found by their `updated_at`, behind the searches: at most every 5 s (less
//   often after a long look) the records stamped since the previous look began, less a 60 s
//   overlap for transactions that committed late, are compared by version and re-read by the
//   next search when they changed. A record deleted elsewhere drops out when the
//   search service finds it gone; a full reload every quarter of an hour catches what the
//   overlap cannot (an all-or-nothing import run elsewhere for longer than the overlap).
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Db } from '../../platform/db/schema.js';
import type { DatabaseId } from '../records/catalogue/catalogue.types.js';
import { CATALOGUE, definitionOf } from '../records/catalogue/index.js';
import { PersonIndex } from './person-index.js';

/** How often writes by other processes are looked for (tests shorten it). */
export const personIndexTiming = { foreignCheckMs: 5_000 };
const OVERLAP_MS = 60_000;
const FULL_RELOAD_MS = 15 * 60_000;
const PAGE = 5_000;

interface State {
  index: PersonIndex;
  /** Records written by this process since the last catch-up. */
  written: Set<string>;
  removed: Set<string>;
  lastForeignCheck: number;
  loadedAt: number;
  busy: Promise<void> | null;
  /** A look for other processes' writes, running behind the searches, and how long the last took. */
  scanning: Promise<void> | null;
  lastScanMs: number;
  /** A periodic reload running behind the searches, and what changed meanwhile. */
  reloading: Promise<void> | null;
  replay: Set<string>;
  /** How long the last full load took, for operators. */
  loadSeconds: number;
}

const states = new WeakMap<Db, State>();

export const PERSON_DATABASES: readonly string[] = CATALOGUE.filter((d) => d.persons !== undefined).map(
  (d) => d.id,
);
const personDatabases = new Set(PERSON_DATABASES);

function stateOf(db: Db): State {
  let s = states.get(db);
  if (!s) {
    s = {
      index: new PersonIndex(),
      written: new Set(),
      removed: new Set(),
      lastForeignCheck: 0,
      loadedAt: 0,
      busy: null,
      scanning: null,
      lastScanMs: 0,
      reloading: null,
      replay: new Set(),
      loadSeconds: 0,
    };
    states.set(db, s);
  }
  return s;
}

/** Tells the index which records this process wrote (after their transaction committed). */
export function noteRecordsWritten(ctx: AppContext, database: string, ids: Iterable<string>): void {
  if (!personDatabases.has(database)) return;
  const s = stateOf(ctx.db);
  // Before the first load nothing needs telling: the load will read every record.
  if (s.loadedAt === 0 && !s.busy) return;
  for (const id of ids) s.written.add(id);
}

/**
 * Whether writes to this database should name their records: only once the index is loaded (or
 * loading). A bulk import that does not name them calls `noteBulkChange` when it commits.
 */
export function tracksWrites(ctx: AppContext, database: string): boolean {
  const s = states.get(ctx.db);
  return personDatabases.has(database) && s !== undefined && (s.loadedAt > 0 || s.busy !== null);
}

/** A bulk write whose records were not named: an index loaded meanwhile reloads, behind searches. */
export function noteBulkChange(ctx: AppContext): void {
  const s = states.get(ctx.db);
  if (s && s.loadedAt > 0) s.loadedAt = 1; // older than any reload period: the next search reloads
}

/** Tells the index a record is gone (deleted, or found missing by a search). */
export function noteRecordRemoved(ctx: AppContext, id: string): void {
  const s = stateOf(ctx.db);
  s.removed.add(id);
  s.written.delete(id);
}

/** The index, brought up to date with what is known to have changed. */
export async function personIndexOf(ctx: AppContext): Promise<PersonIndex> {
  const s = stateOf(ctx.db);
  // A catch-up already running may have started before this search's own writes: wait for it,
  // then look again (once: a search runs at most one catch-up of its own).
  while (s.busy) await s.busy;
  const now = Date.now();
  if (s.loadedAt > 0 && now - s.loadedAt > FULL_RELOAD_MS && !s.reloading) {
    // The periodic reload builds a new index while searches go on with this one.
    s.reloading = reload(ctx.db, s)
      .catch(() => {}) // tried again at the next search; the current index stays in use
      .finally(() => {
        s.reloading = null;
      });
  }
  // Other processes' writes are looked for behind the searches (after a million-row import the
  // look reads a million stamps); what it finds is caught up by the next search.
  const scanEvery = Math.max(personIndexTiming.foreignCheckMs, 10 * s.lastScanMs);
  if (s.loadedAt > 0 && !s.scanning && now - s.lastForeignCheck >= scanEvery) {
    s.scanning = scanForeignWrites(ctx.db, s)
      .catch(() => {}) // looked for again at the next search
      .finally(() => {
        s.scanning = null;
      });
  }
  if (s.loadedAt > 0 && s.written.size === 0 && s.removed.size === 0) return s.index;
  s.busy = (s.loadedAt === 0 ? reload(ctx.db, s) : catchUp(ctx.db, s)).finally(() => {
    s.busy = null;
  });
  await s.busy;
  return s.index;
}

async function upsertRows(
  index: PersonIndex,
  rows: { id: string; database_id: string; version: number; data: string }[],
) {
  for (const r of rows) {
    const def = definitionOf(r.database_id as DatabaseId);
    const persons = def.persons?.(JSON.parse(r.data) as Record<string, unknown>) ?? [];
    index.upsert(r.id, r.database_id, r.version, persons);
  }
}

/** Builds a new index from every record, then swaps it in (searches meanwhile use the old one). */
async function reload(db: Db, s: State) {
  const started = Date.now();
  const index = new PersonIndex();
  s.replay.clear();
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('records')
      .select(['id', 'database_id', 'version', 'data'])
      .where('database_id', 'in', PERSON_DATABASES)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    await upsertRows(index, rows);
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.id;
  }
  s.index = index;
  s.loadSeconds = (Date.now() - started) / 1000;
  s.loadedAt = started;
  s.lastForeignCheck = started;
  // What changed while the reload read may have been read before it changed: read it again.
  for (const id of s.replay) s.written.add(id);
  s.replay.clear();
}

/**
 * Records other processes changed: everything committed before the last look (or load) began
 * was read then; what committed since was stamped at most OVERLAP before it committed. Not the
 * latest `updated_at` seen: an import stamps all its rows with its start time, and they would
 * be re-read forever. Read in pages along the (updated_at, id) index, so that the looks after a
 * large import (a million rows stamped alike) let other requests run between pages.
 */
async function scanForeignWrites(db: Db, s: State) {
  const started = Date.now();
  let after = { at: new Date(s.lastForeignCheck - OVERLAP_MS).toISOString(), id: '' };
  for (;;) {
    const page = await db
      .selectFrom('records')
      .select(['id', 'version', 'updated_at', 'database_id'])
      .where(sql<boolean>`(updated_at, id) > (${after.at}, ${after.id})`)
      .orderBy('updated_at')
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of page) {
      if (personDatabases.has(r.database_id) && s.index.versionOf(r.id) !== r.version) s.written.add(r.id);
    }
    if (page.length < PAGE) break;
    const last = page.at(-1)!;
    after = { at: last.updated_at, id: last.id };
  }
  s.lastForeignCheck = started;
  // A long look (a large import in the window) is not repeated more than a tenth of the time.
  s.lastScanMs = Date.now() - started;
}

async function catchUp(db: Db, s: State) {
  const ids = new Set(s.written);
  s.written.clear();
  for (const id of s.removed) s.index.remove(id);
  if (s.reloading) for (const id of [...ids, ...s.removed]) s.replay.add(id);
  s.removed.clear();
  const list = [...ids];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const rows = await db
      .selectFrom('records')
      .select(['id', 'database_id', 'version', 'data'])
      .where('id', 'in', chunk)
      .execute();
    await upsertRows(s.index, rows);
    // Written and gone again before this catch-up (created then deleted): nothing to index.
    const found = new Set(rows.map((r) => r.id));
    for (const id of chunk) if (!found.has(id)) s.index.remove(id);
  }
}

/** What operators see at /metrics: persons held and how long the last full load took. */
export function personIndexStats(ctx: AppContext): { persons: number; loaded: boolean; loadSeconds: number } {
  const s = states.get(ctx.db);
  return { persons: s?.index.size ?? 0, loaded: (s?.loadedAt ?? 0) > 0, loadSeconds: s?.loadSeconds ?? 0 };
}
