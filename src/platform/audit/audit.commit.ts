// One transaction that appends a batch of rows to the chain. Two ways to run it, because the
// two engines need different things to keep one chain under concurrency without stalling.
import type { DbHandle } from '../db/connect.js';
import type { AuditEventTable, Db } from '../db/schema.js';
import { wallClockIso } from '../time.js';
import { type PendingRow, sealRows } from './audit.row.js';
import { SqliteWorkerCommitter } from './audit.worker-commit.js';

export interface Committed {
  sealed: AuditEventTable[];
  /** Resolves once the batch is on stable storage (at once where the commit itself waited). */
  durable: Promise<void>;
}

export interface BatchCommitter {
  /**
   * Appends the rows in order in one transaction; resolves once committed (the next batch may
   * follow it in the chain), with a promise of the batch's durability.
   */
  commit(rows: readonly PendingRow[]): Promise<Committed>;
  close(): Promise<void>;
  /** How long a lone event should wait for others to share its commit. */
  readonly gatherMs: number;
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
  // A commit holds a connection and a round trip: worth waiting a moment for company.
  readonly gatherMs = 2;
  constructor(
    private readonly db: Db,
    private readonly lockHead: boolean,
  ) {}

  async commit(rows: readonly PendingRow[]): Promise<Committed> {
    const sealed = await this.db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
      if (this.lockHead) q = q.forUpdate();
      const head = await q.executeTakeFirst();
      if (!head) throw new Error('the audit_head row is missing: the database is not migrated');
      // The time is taken under the lock, so time order follows chain order across processes.
      const sealed = sealRows(head, rows, wallClockIso());
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
    // The database's own commit waited for its disk (PostgreSQL; SQLite in memory has none).
    return { sealed, durable: Promise.resolve() };
  }

  async close() {}
}

export function committerFor(handle: DbHandle): BatchCommitter {
  if (handle.dialect === 'postgres') return new KyselyCommitter(handle.db, true);
  if (handle.url === ':memory:' || handle.url === '') return new KyselyCommitter(handle.db, false);
  return new SqliteWorkerCommitter(handle.url, COLUMNS);
}
