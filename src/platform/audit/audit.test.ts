// The audit chain on a real database (SQLite, or PostgreSQL with MERIDIAN_TEST_DATABASE_URL):
// it must record who did what, survive concurrency, and expose any edit, deletion or truncation.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import type { Principal } from '../auth/principal.js';
import { openDatabase } from '../db/connect.js';
import { canonicalAuditForm, GENESIS_HASH, hashAuditEvent } from './audit.canonical.js';
import type { AuditInput } from './audit.types.js';
import { verifyAuditChain } from './audit.verify.js';
import { AuditInputError, AuditLog, AuditWriteError } from './audit.writer.js';

const officer: Principal = {
  type: 'user',
  id: 'u-fr-1',
  name: 'alice',
  bureau: 'FR',
  unitId: 'unit-fr-cyber',
  roles: ['officer'],
  capabilities: ['databases'],
};
const borderKey: Principal = {
  type: 'api_key',
  id: 'k-jo-1',
  name: 'border',
  bureau: 'JO',
  unitId: 'unit-jo-border',
  roles: [],
  capabilities: ['screening'],
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ev = (n: number, over: Partial<AuditInput> = {}): AuditInput => ({
  actor: officer,
  action: 'record.read',
  outcome: 'success',
  target: { type: 'record', id: `r-${n}`, bureau: 'DE' },
  details: { n },
  ...over,
});

describe('canonical form', () => {
  const row = {
    seq: 1,
    id: 'a',
    at: '2025-01-01T00:00:00.000Z',
    actor_type: 'user',
    actor_id: 'u',
    bureau_code: 'FR',
    unit_id: null,
    action: 'x.y',
    purpose: null,
    target_type: null,
    target_id: null,
    target_bureau: null,
    outcome: 'success',
    request_id: null,
    details: '{"a":1}',
    prev_hash: GENESIS_HASH,
  };

  it('is fixed JSON of every field but the hash, and any change changes the hash', () => {
    expect(canonicalAuditForm(row).startsWith('{"seq":1,"id":"a","at":"2025-01-01T00:00:00.000Z"')).toBe(
      true,
    );
    expect(canonicalAuditForm({ ...row, hash: 'ignored' })).toBe(canonicalAuditForm(row));
    expect(canonicalAuditForm({ ...row, seq: '1' as unknown as number })).toBe(canonicalAuditForm(row));
    const h = hashAuditEvent(row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    for (const [k, v] of Object.entries({
      seq: 2,
      outcome: 'denied',
      details: null,
      unit_id: 'u2',
      prev_hash: h,
    })) {
      expect(hashAuditEvent({ ...row, [k]: v }), k).not.toBe(h);
    }
  });
});

describe('audit log', () => {
  let t: TestDatabase;
  let log: AuditLog;
  beforeEach(async () => {
    t = await createTestDatabase();
    log = new AuditLog(t);
  });
  afterEach(async () => {
    await log.close();
    await t.destroy();
  });

  async function recordN(n: number) {
    const out = [];
    for (let i = 1; i <= n; i++) out.push(await log.record(ev(i)));
    return out;
  }

  it('records who, bureau, unit, action, target and outcome, durably before resolving', async () => {
    const e = await log.record({
      actor: officer,
      action: 'record.read',
      purpose: 'investigation',
      target: { type: 'record', id: 'r-1', bureau: 'DE' },
      outcome: 'success',
      requestId: 'req-1',
      details: { z: 1, a: 'x', ok: true, none: null },
    });
    expect(e).toMatchObject({
      seq: 1,
      actorType: 'user',
      actorId: 'u-fr-1',
      bureau: 'FR',
      unitId: 'unit-fr-cyber',
      action: 'record.read',
      purpose: 'investigation',
      targetType: 'record',
      targetId: 'r-1',
      targetBureau: 'DE',
      outcome: 'success',
      requestId: 'req-1',
      details: { a: 'x', none: null, ok: true, z: 1 },
      prevHash: GENESIS_HASH,
    });
    expect(Date.parse(e.at)).toBeGreaterThan(Date.now() - 60_000);
    // Already committed: another reader sees the row and the head.
    const row = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow();
    expect(row.hash).toBe(e.hash);
    expect(row.details).toBe('{"a":"x","none":null,"ok":true,"z":1}');
    const head = await t.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect([Number(head.seq), head.hash]).toEqual([1, e.hash]);
  });

  it('records the public as anonymous, the CLI as system, and API keys as api_key', async () => {
    const [anon, sys, key] = await Promise.all([
      log.record({ actor: null, action: 'notice.public_read', outcome: 'success' }),
      log.record({ actor: null, actorType: 'system', action: 'demo.seed', outcome: 'success' }),
      log.record({ actor: borderKey, action: 'screening.check', outcome: 'denied' }),
    ]);
    expect(anon).toMatchObject({
      actorType: 'anonymous',
      actorId: null,
      bureau: null,
      unitId: null,
      details: null,
    });
    expect(sys).toMatchObject({ actorType: 'system', actorId: null });
    expect(key).toMatchObject({
      actorType: 'api_key',
      actorId: 'k-jo-1',
      bureau: 'JO',
      unitId: 'unit-jo-border',
    });
  });

  it('refuses malformed input without using up a place in the chain', async () => {
    await expect(log.record(ev(1, { action: 'Not Dotted' }))).rejects.toBeInstanceOf(AuditInputError);
    await expect(log.record(ev(1, { outcome: 'maybe' as 'success' }))).rejects.toBeInstanceOf(
      AuditInputError,
    );
    await expect(log.record(ev(1, { details: { x: Number.NaN } }))).rejects.toBeInstanceOf(AuditInputError);
    expect((await log.record(ev(1))).seq).toBe(1);
  });

  it('chains events so that the whole chain verifies, page by page', async () => {
    const events = await recordN(25);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    const progress: number[] = [];
    const result = await verifyAuditChain(t.db, {
      pageSize: 7,
      onProgress: (c, total) => progress.push(c, total),
    });
    expect(result).toEqual({ ok: true, checked: 25 });
    expect(progress).toEqual([0, 25, 7, 25, 14, 25, 21, 25, 25, 25]);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 25 });
  });

  it('verifies an empty chain', async () => {
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 0 });
  });

  it('catches a row edited behind the writer’s back, naming its seq', async () => {
    await recordN(10);
    await t.db.updateTable('audit_events').set({ outcome: 'denied' }).where('seq', '=', 4).execute();
    const r = await verifyAuditChain(t.db, { pageSize: 3 });
    expect(r.ok).toBe(false);
    expect(r.checked).toBe(3);
    expect(r.firstBroken).toEqual({
      seq: 4,
      reason: 'event 4: stored hash does not match its content (edited?)',
    });
  });

  it('catches edited details', async () => {
    await recordN(5);
    await t.db.updateTable('audit_events').set({ details: '{"n":99}' }).where('seq', '=', 2).execute();
    expect((await verifyAuditChain(t.db)).firstBroken?.seq).toBe(2);
  });

  it('catches a row rewritten with a recomputed hash, at the next link', async () => {
    await recordN(6);
    const row = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    const forged = { ...row, seq: Number(row.seq), actor_id: 'someone-else' };
    await t.db
      .updateTable('audit_events')
      .set({ actor_id: forged.actor_id, hash: hashAuditEvent(forged) })
      .where('seq', '=', 3)
      .execute();
    const r = await verifyAuditChain(t.db);
    expect(r.firstBroken?.seq).toBe(4);
    expect(r.firstBroken?.reason).toMatch(/^event 4: .*event 3/);
  });

  it('catches a deleted middle row', async () => {
    await recordN(10);
    await t.db.deleteFrom('audit_events').where('seq', '=', 6).execute();
    const r = await verifyAuditChain(t.db, { pageSize: 4 });
    expect(r).toMatchObject({ ok: false, checked: 5, firstBroken: { seq: 6 } });
    expect(r.firstBroken?.reason).toMatch(/^event 6: .*missing.*deleted/);
  });

  it('catches a deleted first row and a deleted range', async () => {
    await recordN(8);
    await t.db.deleteFrom('audit_events').where('seq', 'in', [4, 5, 6]).execute();
    expect((await verifyAuditChain(t.db)).firstBroken?.reason).toBe(
      'event 4: events 4 to 6 are missing from the chain (deleted?)',
    );
    await t.db.deleteFrom('audit_events').where('seq', '=', 1).execute();
    expect((await verifyAuditChain(t.db)).firstBroken?.seq).toBe(1);
  });

  it('catches truncation of the tail', async () => {
    await recordN(10);
    await t.db.deleteFrom('audit_events').where('seq', '>', 7).execute();
    const r = await verifyAuditChain(t.db);
    expect(r).toMatchObject({ ok: false, checked: 7, firstBroken: { seq: 8 } });
    expect(r.firstBroken?.reason).toMatch(/ends at event 7 .* 10 events/);
    // Every event gone, head left behind.
    await t.db.deleteFrom('audit_events').execute();
    expect((await verifyAuditChain(t.db)).firstBroken?.seq).toBe(1);
  });

  it('catches a head that does not match the last event', async () => {
    await recordN(3);
    await t.db
      .updateTable('audit_head')
      .set({ hash: 'f'.repeat(64) })
      .execute();
    expect((await verifyAuditChain(t.db)).firstBroken?.seq).toBe(3);
  });

  it('commits 2,000 concurrent events in a handful of transactions, as one contiguous chain', async () => {
    const events = await Promise.all(Array.from({ length: 2000 }, (_, i) => log.record(ev(i))));
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1)); // call order is chain order
    expect(events.map((e) => e.details?.n)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(log.stats.batches).toBeLessThanOrEqual(10);
    expect(log.stats).toMatchObject({ failedBatches: 0, events: 2000, largestBatch: 500 });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 2000 });
  });

  it('keeps committing while the next batch gathers, without waiting for callers', async () => {
    const small = new AuditLog(t, { maxBatch: 16, maxDelayMs: 1 });
    const waves = [];
    for (let w = 0; w < 20; w++) {
      waves.push(...Array.from({ length: 10 }, (_, i) => small.record(ev(w * 10 + i))));
      await sleep(0);
    }
    await Promise.all(waves);
    await small.close();
    expect(small.stats.events).toBe(200);
    expect(small.stats.largestBatch).toBeLessThanOrEqual(16);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 200 });
  });

  it('keeps ONE chain when two writers on two connections write at once', async () => {
    const other = openDatabase(t.url);
    const a = new AuditLog(t, { maxBatch: 25 });
    const b = new AuditLog(other, { maxBatch: 25 });
    try {
      const all = [];
      for (let w = 0; w < 10; w++) {
        for (let i = 0; i < 60; i++) all.push((i % 2 ? a : b).record(ev(w * 100 + i)));
        await sleep(1);
      }
      const events = await Promise.all(all);
      expect(new Set(events.map((e) => e.seq)).size).toBe(600);
      expect(Math.max(...events.map((e) => e.seq))).toBe(600);
      expect(a.stats.batches).toBeGreaterThan(1);
      expect(b.stats.batches).toBeGreaterThan(1);
      expect(a.stats.failedBatches + b.stats.failedBatches).toBe(0);
      expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 600 });
    } finally {
      await a.close();
      await b.close();
      await other.close();
    }
  });

  it('waits for another connection holding the lock instead of failing or freezing', async () => {
    const other = openDatabase(t.url);
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = other.db.transaction().execute(async (tx) => {
      if (other.dialect === 'postgres') await tx.selectFrom('audit_head').selectAll().forUpdate().execute();
      else await tx.insertInto('settings').values({ key: 'lock', value: 'held' }).execute();
      locked();
      await held;
    });
    try {
      await isLocked;
      let done = false;
      const p = log.record(ev(1)).then((e) => {
        done = true;
        return e;
      });
      const before = Date.now();
      await sleep(150);
      expect(Date.now() - before).toBeLessThan(1000); // the event loop kept running
      expect(done).toBe(false);
      release();
      await holder;
      expect((await p).seq).toBe(1);
      expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 1 });
    } finally {
      release();
      await holder.catch(() => {});
      await other.close();
    }
  });

  it('rejects every caller of a failing batch, and later batches still commit', async () => {
    await log.record(ev(0));
    await sql`ALTER TABLE audit_head RENAME TO audit_head_away`.execute(t.db);
    const failed = await Promise.allSettled([log.record(ev(1)), log.record(ev(2)), log.record(ev(3))]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of failed) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AuditWriteError);
    expect(log.stats.failedBatches).toBe(1);
    await sql`ALTER TABLE audit_head_away RENAME TO audit_head`.execute(t.db);
    const next = await log.record(ev(4));
    expect(next.seq).toBe(2);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 2 });
  });

  it('records many events atomically and contiguously', async () => {
    const small = new AuditLog(t, { maxBatch: 5 });
    const [one, many] = await Promise.all([
      small.record(ev(0)),
      small.recordMany(Array.from({ length: 12 }, (_, i) => ev(i + 1))),
    ]);
    expect(one.seq).toBe(1);
    expect(many.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
    await expect(small.recordMany([ev(1), ev(2, { action: 'bad' })])).rejects.toBeInstanceOf(AuditInputError);
    expect(await small.recordMany([])).toEqual([]);
    await small.close();
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 13 });
  });

  it('flushes what is queued on close and refuses events afterwards', async () => {
    const slow = new AuditLog(t, { maxDelayMs: 10_000 });
    const pending = slow.record(ev(1));
    await slow.close();
    expect((await pending).seq).toBe(1);
    await expect(slow.record(ev(2))).rejects.toBeInstanceOf(AuditWriteError);
  });
});
