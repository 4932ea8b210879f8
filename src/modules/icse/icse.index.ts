// The PDQ index of every known perceptual hash (images and video frames), kept in memory in
// each server process and in step with the `icse_hashes` table:
// - first use loads every hash (a million take seconds; searches wait for it once);
// - hashes this process writes are added as soon as their transaction has committed;
// - hashes written by another process (another server on the same PostgreSQL) are found by
//   their `created_at` before each search: those stamped since the previous look began, less a
//   60 s overlap for transactions that committed late, are added when not already held;
// - a medium deleted since is dropped when its rows are read back for a result (the database
//   decides what exists), and a full reload every quarter of an hour sheds it from memory.
import type { AppContext } from '../../context.js';
import type { Db } from '../../platform/db/schema.js';
import { PdqIndex } from './pdq/index.js';

export interface IndexedHash {
  seq: number;
  mediaId: string;
  /** The second of a video frame; null for an image. */
  frame: number | null;
  quality: number;
}

interface State {
  index: PdqIndex<IndexedHash>;
  held: Set<number>;
  lastLookAt: number;
  loadedAt: number;
}

const OVERLAP_MS = 60_000;
const FULL_RELOAD_MS = 15 * 60_000;
const PAGE = 10_000;
/** The state in use, and the load or reload under way (one at a time per database). */
const current = new WeakMap<Db, State>();
const loads = new WeakMap<Db, Promise<State>>();

function add(
  s: State,
  row: { seq: number | string; media_id: string; frame: number | null; pdq: string; quality: number },
) {
  const seq = Number(row.seq);
  if (s.held.has(seq)) return;
  s.held.add(seq);
  s.index.add(row.pdq, { seq, mediaId: row.media_id, frame: row.frame, quality: row.quality });
}

function startLoad(db: Db, previous?: State): Promise<State> {
  const load = loadAll(db).then((fresh) => {
    // What committed while the reload read is found by the catch-up from the older look.
    if (previous) fresh.lastLookAt = Math.min(fresh.lastLookAt, previous.lastLookAt);
    current.set(db, fresh);
    loads.delete(db);
    return fresh;
  });
  loads.set(db, load);
  load.catch(() => loads.delete(db));
  return load;
}

async function loadAll(db: Db): Promise<State> {
  const s: State = { index: new PdqIndex(), held: new Set(), lastLookAt: Date.now(), loadedAt: Date.now() };
  let after = -1;
  for (;;) {
    const rows = await db
      .selectFrom('icse_hashes')
      .select(['seq', 'media_id', 'frame', 'pdq', 'quality'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const r of rows) add(s, r);
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  return s;
}

async function catchUp(db: Db, s: State) {
  const startedAt = Date.now();
  const since = new Date(s.lastLookAt - OVERLAP_MS).toISOString();
  const rows = await db
    .selectFrom('icse_hashes')
    .select(['seq', 'media_id', 'frame', 'pdq', 'quality'])
    .where('created_at', '>=', since)
    .execute();
  for (const r of rows) add(s, r);
  s.lastLookAt = startedAt;
}

/** The index, caught up with what every process has committed. */
export async function pdqIndexOf(ctx: AppContext): Promise<PdqIndex<IndexedHash>> {
  let s = current.get(ctx.db);
  if (!s) s = await (loads.get(ctx.db) ?? startLoad(ctx.db));
  else if (Date.now() - s.loadedAt > FULL_RELOAD_MS && loads.get(ctx.db) === undefined) {
    // Searches go on with the held index while the reload reads behind them.
    startLoad(ctx.db, s).catch(() => {}); // a failed reload is retried at the next search
  }
  await catchUp(ctx.db, s);
  return s.index;
}

/** Hashes this process has just committed: held at once, so the next upload matches them. */
export function noteHashesWritten(
  ctx: AppContext,
  rows: { seq: number | string; media_id: string; frame: number | null; pdq: string; quality: number }[],
) {
  const s = current.get(ctx.db);
  if (!s) return; // not loaded yet: the first search loads them from the table
  for (const r of rows) add(s, r);
}
