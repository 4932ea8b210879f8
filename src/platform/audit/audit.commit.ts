// One transaction that appends a batch of rows to the chain. Two ways to run it, because the
// two engines need different things to keep one chain under concurrency without stalling.
import SQLite from 'better-sqlite3';
import type { DbHandle } from '../db/connect.js';
import type { AuditEventTable, Db } from '../db/schema.js';
import { nowIso } from '../time.js';
import { type PendingRow, sealRows } from './audit.row.js';

export interface BatchCommitter {
  /** Appends the rows in order in one transaction; resolves once committed. */
  commit(rows: readonly PendingRow[]): Promise<AuditEventTable[]>;
  close(): Promise<void>;
}

const COLUMNS = [
  'seq',
  'id',
  'at',
  'actor_type',
  'actor_id',
  'bureau_code',
  'unit_id',
  'action',
  'purpose',
  'target_type',
  'target_id',
  'target_bureau',
  'outcome',
  'request_id',
  'details',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditEventTable)[];

/** SQLite binds at most 32,766 parameters per statement (PostgreSQL 65,535): stay under both. */
export const ROWS_PER_INSERT = Math.floor(32_766 / COLUMNS.length);

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}

class HeadMovedError extends Error {
  constructor() {
    super('the audit head moved during the commit: another writer bypassed the lock');
  }
}

/**
 * PostgreSQL: `SELECT … FOR UPDATE` on the head row makes every process on the database queue
 * behind one lock, so they all extend ONE chain. Also used for an in-memory SQLite database,
 * which has a single connection and so no one to race with.
 */
class KyselyCommitter implements BatchCommitter {
  constructor(
    private readonly db: Db,
    private readonly lockHead: boolean,
  ) {}

  commit(rows: readonly PendingRow[]): Promise<AuditEventTable[]> {
    return this.db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
      if (this.lockHead) q = q.forUpdate();
      const head = await q.executeTakeFirst();
      if (!head) throw new Error('the audit_head row is missing: the database is not migrated');
      // The time is taken under the lock, so time order follows chain order across processes.
      const sealed = sealRows(head, rows, nowIso());
      for (const chunk of chunks(sealed)) await tx.insertInto('audit_events').values(chunk).execute();
      const last = sealed[sealed.length - 1]!;
      const res = await tx
        .updateTable('audit_head')
        .set({ seq: last.seq, hash: last.hash })
        .where('id', '=', 1)
        .where('seq', '=', Number(head.seq))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new HeadMovedError();
      return sealed;
    });
  }

  async close() {}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * SQLite file: a dedicated connection runs the whole transaction synchronously under
 * BEGIN IMMEDIATE. Kysely's transactions yield between statements, and better-sqlite3 waits
 * for a lock by blocking the thread — so two connections in one process (or a writer and an
 * open transaction on the main handle) would freeze each other until the busy timeout. Here
 * the lock is held only inside one synchronous call, and a busy database is retried after
 * yielding, so the holder (in this process or another) can finish.
 */
class SqliteFileCommitter implements BatchCommitter {
  private readonly conn: SQLite.Database;
  private readonly run: (rows: readonly PendingRow[]) => AuditEventTable[];

  constructor(
    file: string,
    private readonly busyDeadlineMs = 10_000,
  ) {
    this.conn = new SQLite(file, { fileMustExist: true });
    this.conn.pragma('synchronous = FULL');
    this.conn.pragma('busy_timeout = 0');
    const txn = this.conn.transaction((rows: readonly PendingRow[]) => this.append(rows));
    this.run = (rows) => txn.immediate(rows);
  }

  // Prepared once: preparing a statement costs more than running it, and a busy server commits
  // hundreds of small batches a second.
  private statements?: { head: SQLite.Statement; insert: SQLite.Statement; update: SQLite.Statement };

  private append(rows: readonly PendingRow[]): AuditEventTable[] {
    this.statements ??= {
      head: this.conn.prepare('SELECT seq, hash FROM audit_head WHERE id = 1'),
      insert: this.conn.prepare(
        `INSERT INTO audit_events (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
      ),
      update: this.conn.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ?'),
    };
    const st = this.statements;
    const head = st.head.get() as { seq: number; hash: string } | undefined;
    if (!head) throw new Error('the audit_head row is missing: the database is not migrated');
    const sealed = sealRows(head, rows, nowIso());
    const values: unknown[] = new Array(COLUMNS.length);
    for (const r of sealed) {
      for (let i = 0; i < COLUMNS.length; i++) values[i] = r[COLUMNS[i]!];
      st.insert.run(values);
    }
    const last = sealed[sealed.length - 1]!;
    const res = st.update.run(last.seq, last.hash, head.seq);
    if (res.changes !== 1) throw new HeadMovedError();
    return sealed;
  }

  async commit(rows: readonly PendingRow[]): Promise<AuditEventTable[]> {
    const deadline = Date.now() + this.busyDeadlineMs;
    for (;;) {
      try {
        return this.run(rows);
      } catch (err) {
        if (!isBusy(err) || Date.now() >= deadline) throw err;
      }
      // Short, jittered waits: the holder releases the lock between its batches only briefly,
      // and a long back-off would let a busy process starve the others.
      await sleep(1 + Math.random() * 3);
    }
  }

  async close() {
    if (this.conn.open) this.conn.close();
  }
}

export function committerFor(handle: DbHandle): BatchCommitter {
  if (handle.dialect === 'postgres') return new KyselyCommitter(handle.db, true);
  if (handle.url === ':memory:' || handle.url === '') return new KyselyCommitter(handle.db, false);
  return new SqliteFileCommitter(handle.url);
}
