// Jobs held in the database: run once, retried with back-off, recurring without duplicates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { JobRunner } from './job-runner.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

describe('JobRunner', () => {
  it('runs a queued job once and marks it done', async () => {
    const runner = new JobRunner(t);
    const seen: unknown[] = [];
    runner.register('test.once', async (p) => {
      seen.push(p);
    });
    const id = await runner.enqueue('test.once', { n: 1 });
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    const row = await t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
  });

  it('does not run a job before its time', async () => {
    const runner = new JobRunner(t);
    runner.register('test.later', async () => {});
    await runner.enqueue('test.later', {}, new Date(Date.now() + 60_000).toISOString());
    expect(await runner.runDue()).toBe(0);
  });

  it('keeps a failed job with its error and retries it later', async () => {
    const runner = new JobRunner(t);
    runner.register('test.fail', async () => {
      throw new Error('bank unreachable');
    });
    const id = await runner.enqueue('test.fail');
    await runner.runDue();
    const row = await t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'bank unreachable' });
    expect(Date.parse(row.run_at)).toBeGreaterThan(Date.now());
  });

  it('lets two runners share the queue without running a job twice', async () => {
    const a = new JobRunner(t);
    const b = new JobRunner(t);
    const ran: string[] = [];
    for (const r of [a, b]) {
      r.register('test.shared', async (p) => {
        ran.push(String(p.n));
      });
    }
    for (let i = 0; i < 20; i++) await a.enqueue('test.shared', { n: i });
    await Promise.all([a.runDue(), b.runDue()]);
    expect(ran.sort()).toEqual(Array.from({ length: 20 }, (_, i) => String(i)).sort());
  });

  it('keeps one row per recurring job however many processes start', async () => {
    const a = new JobRunner(t);
    const b = new JobRunner(t);
    let n = 0;
    for (const r of [a, b]) r.every('test.recurring', 3600, async () => void n++);
    await a.start(60_000);
    await b.start(60_000);
    await Promise.all([a.runDue(), b.runDue()]);
    await a.stop();
    await b.stop();
    expect(n).toBe(1);
    const rows = await t.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.recurring').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('queued');
    expect(Date.parse(rows[0]!.run_at)).toBeGreaterThan(Date.now() + 3000 * 1000);
  });

  it('runs no job while paused, and polls again after', async () => {
    const runner = new JobRunner(t);
    let n = 0;
    runner.register('test.paused', async () => void n++);
    await runner.start(10);
    const inside = await runner.whilePaused(async () => {
      await runner.enqueue('test.paused');
      await new Promise((r) => setTimeout(r, 100));
      return n;
    });
    expect(inside).toBe(0);
    for (let i = 0; i < 100 && n === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(n).toBe(1);
  });
});
