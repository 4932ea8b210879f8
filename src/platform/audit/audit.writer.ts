// The audit log's writer: group commit. record() queues an event and resolves only once it is
// durably in the chain, so a caller can refuse to act when it cannot be audited (fail closed).
// Queued events are committed together in one transaction, and while one batch commits the
// next one gathers, so a thousand concurrent requests cost a handful of commits, not a thousand.
import type { DbHandle } from '../db/connect.js';
import { type BatchCommitter, type Committed, committerFor } from './audit.commit.js';
import { type PendingRow, prepareRow, rowToEvent } from './audit.row.js';
import type { AuditEvent, AuditInput } from './audit.types.js';

export { AuditInputError } from './audit.row.js';

export interface AuditLogOptions {
  /** Most events in one transaction (default 500). */
  maxBatch?: number;
  /**
   * How long a lone event waits for company before it is committed: default 2 ms where a commit
   * holds a connection (PostgreSQL), none where a worker thread commits (a SQLite file), whose
   * disk flushes are grouped anyway.
   */
  maxDelayMs?: number;
}

export interface AuditLogStats {
  /** Transactions that committed. */
  batches: number;
  /** Transactions that failed; their callers were rejected. */
  failedBatches: number;
  /** Events committed. */
  events: number;
  largestBatch: number;
}

/** Rejects every caller of a batch whose transaction failed; `cause` is the database's error. */
export class AuditWriteError extends Error {
  constructor(cause: unknown) {
    super(`audit event could not be recorded: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

interface Waiter {
  rows: PendingRow[];
  resolve(events: AuditEvent[]): void;
  reject(err: unknown): void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class AuditLog {
  readonly stats: AuditLogStats = { batches: 0, failedBatches: 0, events: 0, largestBatch: 0 };
  private readonly committer: BatchCommitter;
  private readonly maxBatch: number;
  private readonly maxDelayMs: number;
  private queue: Waiter[] = [];
  private queuedRows = 0;
  /** Cancels the pending start of a batch (a timer, or an immediate when there is no delay). */
  private timer: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private closed = false;
  /** Batches committed whose durability is still awaited. */
  private readonly unsettled = new Set<Promise<void>>();

  constructor(handle: DbHandle, opts: AuditLogOptions = {}) {
    this.maxBatch = opts.maxBatch ?? 500;
    this.committer = committerFor(handle);
    this.maxDelayMs = opts.maxDelayMs ?? this.committer.gatherMs;
    if (!Number.isInteger(this.maxBatch) || this.maxBatch < 1) throw new RangeError('maxBatch must be ≥ 1');
    if (!(this.maxDelayMs >= 0)) throw new RangeError('maxDelayMs must be ≥ 0');
  }

  record(input: AuditInput): Promise<AuditEvent> {
    return this.recordMany([input]).then((events) => events[0]!);
  }

  /** Records the events contiguously and atomically: all are committed or none. */
  recordMany(inputs: readonly AuditInput[]): Promise<AuditEvent[]> {
    if (this.closed) return Promise.reject(new AuditWriteError('the audit log is closed'));
    let rows: PendingRow[];
    try {
      rows = inputs.map(prepareRow);
    } catch (err) {
      return Promise.reject(err);
    }
    if (rows.length === 0) return Promise.resolve([]);
    return new Promise<AuditEvent[]>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.queuedRows += rows.length;
      this.schedule();
    });
  }

  /** Resolves once everything queued so far has been committed (or rejected). */
  async flush(): Promise<void> {
    this.start();
    while (this.loop || this.unsettled.size > 0) {
      if (this.loop) await this.loop;
      else await Promise.all([...this.unsettled]);
    }
  }

  /** Refuses new events, commits the queued ones, and releases the writer's connection. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    await this.committer.close();
  }

  private schedule() {
    // A running loop picks up whatever is queued when its current commit ends.
    if (this.loop) return;
    if (this.queuedRows >= this.maxBatch) this.start();
    else if (!this.timer) {
      if (this.maxDelayMs > 0) {
        const t = setTimeout(() => this.start(), this.maxDelayMs);
        this.timer = () => clearTimeout(t);
      } else {
        // Still one turn of the event loop: the requests already read join this batch.
        const i = setImmediate(() => this.start());
        this.timer = () => clearImmediate(i);
      }
    }
  }

  private start() {
    if (this.timer) {
      this.timer();
      this.timer = null;
    }
    if (this.loop || this.queue.length === 0) return;
    this.loop = this.drain();
  }

  private async drain(): Promise<void> {
    // Yield first: the database work must not run inside the record() call that filled the batch.
    await Promise.resolve();
    while (this.queue.length > 0) {
      await this.commitBatch(this.take());
      // Let the requests that arrived meanwhile run up to their audit call, so the next commit
      // carries all of them, not the first few.
      if (this.queue.length > 0 && this.queuedRows < this.maxBatch) await nextTurn();
    }
    // Cleared in the same synchronous step as the emptiness check, so no event can be stranded.
    this.loop = null;
  }

  /** Whole waiters up to maxBatch rows (a single larger recordMany goes alone, still atomic). */
  private take(): Waiter[] {
    let count = 0;
    let rows = 0;
    for (const w of this.queue) {
      if (count > 0 && rows + w.rows.length > this.maxBatch) break;
      count += 1;
      rows += w.rows.length;
    }
    this.queuedRows -= rows;
    return this.queue.splice(0, count);
  }

  private async commitBatch(batch: Waiter[]): Promise<void> {
    let committed: Committed;
    try {
      committed = await this.committer.commit(batch.flatMap((w) => w.rows));
    } catch (err) {
      // Nothing of the batch was committed (one transaction); later batches go on normally.
      this.fail(batch, err);
      return;
    }
    const { sealed, durable } = committed;
    this.stats.batches += 1;
    this.stats.events += sealed.length;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, sealed.length);
    // The next batch may commit now; these callers hear of theirs once it is on disk.
    const settled = durable.then(
      () => {
        let i = 0;
        for (const w of batch) {
          w.resolve(sealed.slice(i, i + w.rows.length).map(rowToEvent));
          i += w.rows.length;
        }
      },
      (err) => this.fail(batch, err),
    );
    this.unsettled.add(settled);
    void settled.finally(() => this.unsettled.delete(settled));
  }

  private fail(batch: Waiter[], err: unknown) {
    this.stats.failedBatches += 1;
    const error = new AuditWriteError(err);
    for (const w of batch) w.reject(error);
  }
}
