// SQLite file: the audit chain is appended by a worker thread with a connection of its own, so
// the server's thread never waits for a commit or its disk flush — it goes on serving requests,
// which gather into the next batch, while the worker writes this one.
//
// Durability is what synchronous=FULL gives, pipelined: the worker commits with NORMAL (the WAL
// frames are written, not flushed) and answers `committed`, so the next batch can follow in the
// chain; it then flushes the WAL file with an asynchronous fsync and answers `durable` for every
// batch committed before the flush began. Callers hear of their event only once it is durable.
//
// The main thread seals the batch (sequence numbers, hashes, time) against the head it last
// saw; the worker, under BEGIN IMMEDIATE, appends it only if the head is still that one. If
// another process extended the chain meanwhile, the worker answers with the new head and the
// batch is sealed again, so several processes on one file keep one chain. The worker's code is
// a few lines of SQL with no hashing: the chain's rules live in audit.row.ts alone.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AuditEventTable } from '../db/schema.js';
import { wallClockIso } from '../time.js';
import type { Committed } from './audit.commit.js';
import { type PendingRow, sealRows } from './audit.row.js';

interface Head {
  seq: number;
  hash: string;
}

type Reply =
  | { id: number; ok: true }
  | { id: number; moved: Head }
  | { id: number; error: string }
  | { id: number; durable: true }
  | { id: number; durable: false; error: string };

// CommonJS, run with `eval`: it needs no file of its own (the same code runs from the sources
// under test and from the build). A busy database blocks only this thread (busy_timeout).
const WORKER_CODE = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.sqlitePath);
const db = new SQLite(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
const cols = workerData.columns;
const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
const insert = db.prepare('INSERT INTO audit_events (' + cols.join(', ') + ') VALUES (' + cols.map(() => '?').join(', ') + ')');
const update = db.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ?');
const append = db.transaction((m) => {
  const h = head.get();
  if (!h) throw new Error('the audit_head row is missing: the database is not migrated');
  if (Number(h.seq) !== m.after) return { moved: { seq: Number(h.seq), hash: h.hash } };
  for (const values of m.rows) insert.run(values);
  if (update.run(m.last.seq, m.last.hash, m.after).changes !== 1) throw new Error('the audit head moved');
  return { ok: true };
});
// Group fsync of the WAL file: one flush covers every batch committed before it began. The WAL
// file goes away only when the last connection closes (after a full checkpoint); then reopen.
const walPath = workerData.file + '-wal';
let wal = null;
let flushing = false;
let awaiting = [];
let closing = false;
function flush() {
  if (flushing || awaiting.length === 0) return finish();
  flushing = true;
  const ids = awaiting;
  awaiting = [];
  try {
    if (wal === null) wal = fs.openSync(walPath, 'r');
  } catch (e) {
    flushing = false;
    for (const id of ids) parentPort.postMessage({ id, durable: false, error: String(e.message || e) });
    return flush();
  }
  fs.fsync(wal, (err) => {
    flushing = false;
    for (const id of ids) parentPort.postMessage(err ? { id, durable: false, error: String(err.message) } : { id, durable: true });
    try {
      if (fs.fstatSync(wal).nlink === 0) { fs.closeSync(wal); wal = null; }
    } catch {}
    flush();
  });
}
function finish() {
  if (!closing || flushing || awaiting.length > 0) return;
  if (wal !== null) fs.closeSync(wal);
  db.close();
  parentPort.close();
}
parentPort.on('message', (m) => {
  if (m.close) {
    closing = true;
    return finish();
  }
  let result;
  try {
    result = append.immediate(m);
  } catch (e) {
    return parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  }
  parentPort.postMessage({ id: m.id, ...result });
  if (result.ok) {
    awaiting.push(m.id);
    flush();
  }
});
`;

/** better-sqlite3's path for the worker to load (an eval'd worker resolves from the cwd). */
function sqliteModulePath(): string {
  // import.meta.url is absent when this module is bundled to CommonJS (a test's child process).
  const base = typeof import.meta.url === 'string' ? import.meta.url : path.join(process.cwd(), 'x.js');
  try {
    return createRequire(base).resolve('better-sqlite3');
  } catch {
    return 'better-sqlite3';
  }
}

export class SqliteWorkerCommitter {
  // Commits cost the server's thread a message; disk flushes are grouped in the worker anyway.
  readonly gatherMs = 0;
  private readonly worker: Worker;
  /** Awaited answers: `committed` then, for a batch that committed, `durable`. */
  private readonly pending = new Map<number, { resolve(r: Reply): void; reject(e: unknown): void }>();
  private readonly durability = new Map<number, { resolve(): void; reject(e: unknown): void }>();
  private nextId = 1;
  private head: Head | null = null;
  private failed: Error | null = null;
  private exited: Promise<void>;

  constructor(
    file: string,
    private readonly columns: readonly (keyof AuditEventTable)[],
    private readonly busyDeadlineMs = 10_000,
  ) {
    this.worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: {
        file,
        sqlitePath: sqliteModulePath(),
        columns,
        busyTimeoutMs: busyDeadlineMs,
      },
    });
    this.worker.unref();
    this.worker.on('message', (m: Reply) => {
      if ('durable' in m) {
        const d = this.durability.get(m.id);
        this.durability.delete(m.id);
        if (m.durable) d?.resolve();
        else d?.reject(new Error(m.error));
      } else {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        p?.resolve(m);
      }
      if (this.pending.size === 0 && this.durability.size === 0) this.worker.unref();
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    const fail = (err: Error) => {
      this.failed = err;
      for (const p of [...this.pending.values(), ...this.durability.values()]) p.reject(err);
      this.pending.clear();
      this.durability.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new Error('the audit writer thread has stopped')));
  }

  private call(message: object): Promise<Reply> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    // Referenced while a commit is awaited, so a command that waits for its audit event keeps
    // the process alive; unreferenced when idle, so the thread never holds a finished process.
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  async commit(rows: readonly PendingRow[]): Promise<Committed> {
    const deadline = Date.now() + this.busyDeadlineMs;
    for (;;) {
      // Unknown head (the first commit): an empty append that cannot match learns it.
      const head = this.head ?? { seq: -1, hash: '' };
      const sealed = this.head ? sealRows(head, rows, wallClockIso()) : [];
      const last = sealed[sealed.length - 1];
      const id = this.nextId;
      // Registered before the message goes, so the answer cannot arrive before its listener.
      const durable = new Promise<void>((resolve, reject) => this.durability.set(id, { resolve, reject }));
      const reply = await this.call({
        after: head.seq,
        rows: sealed.map((r) => this.columns.map((c) => r[c])),
        last: last ? { seq: last.seq, hash: last.hash } : null,
      });
      if (!('ok' in reply)) {
        this.durability.delete(id);
        durable.catch(() => {});
      }
      if ('error' in reply) throw new Error(reply.error);
      if ('moved' in reply) {
        this.head = reply.moved;
        if (Date.now() > deadline) throw new Error('the audit head kept moving: another writer is too busy');
        continue;
      }
      this.head = { seq: last!.seq, hash: last!.hash };
      return { sealed, durable };
    }
  }

  async close() {
    if (this.failed) return;
    this.worker.ref();
    this.worker.postMessage({ close: true });
    await this.exited;
  }
}
