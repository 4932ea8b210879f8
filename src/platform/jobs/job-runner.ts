// Background work kept in the `jobs` table, so any server process may run it and none is lost
// with a process. A job is claimed by one process at a time (a lease); a lease that runs out
// (its process died) makes the job claimable again. Recurring jobs have a fixed id, so however
// many processes start, each recurring job exists once.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { DbHandle } from '../db/connect.js';
import type { JobTable } from '../db/schema.js';
import { isoPlusSeconds, nowIso } from '../time.js';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

interface Recurring {
  kind: string;
  everySeconds: number;
}

const LEASE_SECONDS = 300;
const MAX_ATTEMPTS = 5;

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring: Recurring[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private pollMs = 1000;
  readonly ran: { kind: string; ok: boolean }[] = [];

  constructor(
    private readonly handle: DbHandle,
    private readonly log: { error: (obj: object, msg: string) => void } = { error: () => {} },
  ) {}

  register(kind: string, handler: JobHandler) {
    this.handlers.set(kind, handler);
  }

  every(kind: string, everySeconds: number, handler: JobHandler) {
    this.register(kind, handler);
    this.recurring.push({ kind, everySeconds });
  }

  async enqueue(kind: string, payload: Record<string, unknown> = {}, runAt = nowIso()): Promise<string> {
    const id = crypto.randomUUID();
    await this.handle.db
      .insertInto('jobs')
      .values(newJob(id, kind, payload, runAt))
      .execute();
    return id;
  }

  async start(pollMs = 1000) {
    this.pollMs = pollMs;
    const now = nowIso();
    for (const r of this.recurring) {
      await this.handle.db
        .insertInto('jobs')
        .values(newJob(`recurring:${r.kind}`, r.kind, {}, now))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    this.timer = setInterval(() => {
      this.running ??= this.runDue()
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          this.running = undefined;
        });
    }, pollMs);
    this.timer.unref();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /**
   * Runs `fn` while this process runs no job, then polls again if it did before: for work a job
   * must not interleave with, such as the demo writing a history in the past (the overdue job
   * would flag, at today's time, a request that history answers an hour after it was sent).
   */
  async whilePaused<T>(fn: () => Promise<T>): Promise<T> {
    const wasPolling = this.timer !== undefined;
    await this.stop();
    try {
      return await fn();
    } finally {
      if (wasPolling) await this.start(this.pollMs);
    }
  }

  /** Runs every job that is due now; returns how many ran. */
  async runDue(): Promise<number> {
    let n = 0;
    for (;;) {
      const job = await this.claim();
      if (!job) return n;
      n++;
      await this.execute(job);
    }
  }

  private async claim() {
    const now = nowIso();
    const lease = isoPlusSeconds(now, LEASE_SECONDS);
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return undefined;
    if (this.handle.dialect === 'postgres') {
      // SKIP LOCKED: processes polling together each take a different job.
      const res = await sql<{ id: string; kind: string; payload: string; attempts: number }>`
        UPDATE jobs SET status = 'running', locked_until = ${lease}, attempts = attempts + 1, updated_at = ${now}
        WHERE id = (
          SELECT id FROM jobs
          WHERE kind IN (${sql.join(kinds)}) AND run_at <= ${now}
            AND (status = 'queued' OR (status = 'running' AND locked_until < ${now}))
          ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, payload, attempts`.execute(this.handle.db);
      return res.rows[0];
    }
    return this.handle.db.transaction().execute(async (tx) => {
      const job = await tx
        .selectFrom('jobs')
        .select(['id', 'kind', 'payload', 'attempts'])
        .where('kind', 'in', kinds)
        .where('run_at', '<=', now)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
          ]),
        )
        .orderBy('run_at')
        .limit(1)
        .executeTakeFirst();
      if (!job) return undefined;
      await tx
        .updateTable('jobs')
        .set({ status: 'running', locked_until: lease, attempts: job.attempts + 1, updated_at: now })
        .where('id', '=', job.id)
        .execute();
      return { ...job, attempts: job.attempts + 1 };
    });
  }

  private async execute(job: { id: string; kind: string; payload: string; attempts: number }) {
    const handler = this.handlers.get(job.kind)!;
    const recurring = this.recurring.find((r) => `recurring:${r.kind}` === job.id);
    try {
      await handler(JSON.parse(job.payload) as Record<string, unknown>);
      this.ran.push({ kind: job.kind, ok: true });
      const now = nowIso();
      await this.handle.db
        .updateTable('jobs')
        .set(
          recurring
            ? {
                status: 'queued',
                attempts: 0,
                run_at: isoPlusSeconds(now, recurring.everySeconds),
                locked_until: null,
                updated_at: now,
                last_error: null,
              }
            : { status: 'done', locked_until: null, updated_at: now },
        )
        .where('id', '=', job.id)
        .execute();
    } catch (e) {
      this.ran.push({ kind: job.kind, ok: false });
      this.log.error({ job: job.kind, err: (e as Error).message }, 'job failed');
      const now = nowIso();
      const giveUp = !recurring && job.attempts >= MAX_ATTEMPTS;
      // Back off: 10 s, 20 s, 40 s … before the next attempt.
      await this.handle.db
        .updateTable('jobs')
        .set({
          status: giveUp ? 'failed' : 'queued',
          run_at: isoPlusSeconds(now, recurring ? recurring.everySeconds : 10 * 2 ** (job.attempts - 1)),
          locked_until: null,
          last_error: String((e as Error).message).slice(0, 500),
          updated_at: now,
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
}

function newJob(id: string, kind: string, payload: Record<string, unknown>, runAt: string): JobTable {
  const now = nowIso();
  return {
    id,
    kind,
    payload: JSON.stringify(payload),
    run_at: runAt,
    status: 'queued',
    attempts: 0,
    locked_until: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
}
