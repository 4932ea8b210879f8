// Events that modules publish and clients stream. Every event is a row in `events`, so that
// any server process can deliver it: on PostgreSQL a NOTIFY wakes every process, which reads
// the new rows; on SQLite (one process) the publisher wakes its own process.
import type pg from 'pg';
import type { Principal } from '../auth/principal.js';
import type { DbHandle } from '../db/connect.js';
import type { Tx } from '../db/schema.js';
import type { AccessDescriptor } from '../policy/access.js';
import { wallClockIso } from '../time.js';

export interface StoredEvent {
  id: number;
  at: string;
  topic: string;
  payload: Record<string, unknown>;
  access: AccessDescriptor;
}

type Listener = (event: StoredEvent) => void;

const CHANNEL = 'meridian_events';
// A gap in ids (a transaction that has not committed yet, or rolled back) is waited for this long.
const GAP_WAIT_MS = 5_000;
const POLL_MS = 2_000;

export class EventBus {
  private readonly listeners = new Set<Listener>();
  private readonly deliveryObservers = new Set<(principal: Principal, event: StoredEvent) => void>();
  private listenClient?: pg.PoolClient;
  private watermark = 0; // every id ≤ watermark was delivered or given up on
  private readonly seen = new Set<number>();
  private gapSince?: number;
  private pumping = false;
  private pumpAgain = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly handle: DbHandle,
    private readonly opts: { pollMs?: number } = {},
  ) {}

  async start(): Promise<void> {
    const last = await this.handle.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    this.watermark = Number(last?.max ?? 0);
    if (this.handle.pool) {
      this.listenClient = await this.handle.pool.connect();
      this.listenClient.on('notification', () => this.wake());
      this.listenClient.on('error', () => {});
      await this.listenClient.query(`LISTEN ${CHANNEL}`);
    }
    // A safety net for a lost notification and for gaps that need a second look.
    const pollMs = this.opts.pollMs ?? POLL_MS;
    if (pollMs > 0) {
      this.timer = setInterval(() => this.wake(), pollMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.listenClient) {
      await this.listenClient.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
      this.listenClient.release();
      this.listenClient = undefined;
    }
    this.listeners.clear();
  }

  /**
   * Observers of deliveries: told each time the event stream has written an event to a
   * principal (e.g. messaging records that a message reached a recipient bureau).
   */
  onDelivered(observer: (principal: Principal, event: StoredEvent) => void): () => void {
    this.deliveryObservers.add(observer);
    return () => this.deliveryObservers.delete(observer);
  }

  delivered(principal: Principal, event: StoredEvent) {
    for (const o of this.deliveryObservers) o(principal, event);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  async publish(topic: string, payload: Record<string, unknown>, access: AccessDescriptor): Promise<number> {
    const [id] = await this.publishAll([{ topic, payload, access }]);
    return id!;
  }

  /**
   * Several events, written in one transaction with the caller's own writes (`alongside`), so
   * that the events exist exactly when those writes do, at the cost of one commit. Listeners are
   * woken once it has committed. `alongside` runs first and may still add to `events` (an event
   * that names what the transaction made, such as a number it drew).
   */
  async publishAll(
    events: { topic: string; payload: Record<string, unknown>; access: AccessDescriptor }[],
    alongside?: (tx: Tx) => Promise<void>,
  ): Promise<number[]> {
    const at = wallClockIso();
    const ids = await this.handle.db.transaction().execute(async (tx) => {
      if (alongside) await alongside(tx);
      const out: number[] = [];
      for (const e of events) {
        const row = await tx
          .insertInto('events')
          .values({
            at,
            topic: e.topic,
            payload: JSON.stringify(e.payload),
            access: JSON.stringify(e.access),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        out.push(Number(row.id));
      }
      return out;
    });
    if (ids.length > 0) {
      if (this.handle.dialect === 'postgres') {
        // One notification wakes every listener, which then reads all the new rows.
        await this.handle.pool!.query('SELECT pg_notify($1, $2)', [CHANNEL, String(ids.at(-1))]);
      } else {
        this.wake();
      }
    }
    return ids;
  }

  /** Events after `afterId`, for a client resuming with Last-Event-ID. */
  async since(afterId: number, limit = 500): Promise<StoredEvent[]> {
    const rows = await this.handle.db
      .selectFrom('events')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  private wake() {
    if (this.stopped) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    void this.pump()
      .catch(() => {})
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.wake();
        }
      });
  }

  private async pump() {
    for (;;) {
      const rows = await this.since(this.watermark, 1000);
      for (const ev of rows) {
        if (this.seen.has(ev.id)) continue;
        this.seen.add(ev.id);
        for (const l of this.listeners) {
          try {
            l(ev);
          } catch {
            // One broken subscriber must not stop delivery to the others.
          }
        }
      }
      this.advanceWatermark(rows.length > 0 ? rows[rows.length - 1]!.id : this.watermark);
      if (rows.length < 1000) return;
    }
  }

  private advanceWatermark(highest: number) {
    const from = this.watermark;
    while (this.seen.has(this.watermark + 1)) {
      this.watermark++;
      this.seen.delete(this.watermark);
    }
    if (this.watermark >= highest) {
      this.gapSince = undefined;
      return;
    }
    // An id below the highest seen is missing: wait for it a while, then give up on it. The
    // wait starts again whenever the watermark moved: under steady load gaps come and go, and
    // a new one must get its own five seconds.
    const now = Date.now();
    if (this.watermark > from) this.gapSince = now;
    this.gapSince ??= now;
    if (now - this.gapSince > GAP_WAIT_MS && this.seen.size > 0) {
      this.watermark = Math.min(...this.seen) - 1;
      this.gapSince = undefined;
      this.advanceWatermark(highest);
    }
  }
}

function toEvent(r: { id: number; at: string; topic: string; payload: string; access: string }): StoredEvent {
  return {
    id: Number(r.id),
    at: r.at,
    topic: r.topic,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    access: JSON.parse(r.access) as AccessDescriptor,
  };
}
