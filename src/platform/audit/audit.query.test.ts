// Searching the audit chain: the filters a data-protection officer relies on, and paging.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import type { Principal } from '../auth/principal.js';
import { ProblemError } from '../http/problem.js';
import { encodeAuditCursor, queryAudit } from './audit.query.js';
import type { AuditInput } from './audit.types.js';
import { AuditLog } from './audit.writer.js';

const who = (id: string, bureau: string): Principal => ({
  type: 'user',
  id,
  name: id,
  bureau,
  unitId: null,
  roles: ['officer'],
  capabilities: ['databases'],
});
const fr = who('u-fr', 'FR');
const jo = who('u-jo', 'JO');

let t: TestDatabase;

// [time, input]: times are set through the clock because the writer stamps `at` at commit.
const FIXTURE: [string, AuditInput][] = [
  ['2025-03-01T08:00:00.000Z', { actor: fr, action: 'auth.login', outcome: 'success' }],
  [
    '2025-03-01T09:00:00.000Z',
    {
      actor: fr,
      action: 'record.read',
      outcome: 'success',
      target: { type: 'record', id: 'r1', bureau: 'JO' },
    },
  ],
  [
    '2025-03-02T10:00:00.000Z',
    {
      actor: jo,
      action: 'record.create',
      outcome: 'success',
      target: { type: 'record', id: 'r1', bureau: 'JO' },
    },
  ],
  [
    '2025-03-02T11:00:00.000Z',
    { actor: jo, action: 'records.list', outcome: 'success', details: { results: 3 } },
  ],
  [
    '2025-03-03T12:00:00.000Z',
    {
      actor: fr,
      action: 'record.read',
      outcome: 'denied',
      target: { type: 'record', id: 'r2', bureau: 'DE' },
    },
  ],
  [
    '2025-03-04T13:00:00.000Z',
    { actor: null, action: 'notice.public_read', outcome: 'success', target: { type: 'notice', id: 'n1' } },
  ],
  [
    '2025-03-05T14:00:00.000Z',
    {
      actor: jo,
      action: 'unit.create',
      outcome: 'success',
      target: { type: 'unit', id: 'u1', bureau: 'JO' },
    },
  ],
];

beforeAll(async () => {
  t = await createTestDatabase();
  const log = new AuditLog(t);
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    for (const [at, input] of FIXTURE) {
      vi.setSystemTime(new Date(at));
      await log.record(input);
    }
  } finally {
    vi.useRealTimers();
    await log.close();
  }
});
afterAll(async () => {
  await t.destroy();
});

const seqs = async (filter: Parameters<typeof queryAudit>[1]) =>
  (await queryAudit(t.db, filter, { limit: 100 })).items.map((e) => e.seq);

describe('queryAudit', () => {
  it('returns everything newest first, with details parsed', async () => {
    const page = await queryAudit(t.db, {}, { limit: 100 });
    expect(page.items.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(page.nextCursor).toBeNull();
    expect(page.items.find((e) => e.seq === 4)?.details).toEqual({ results: 3 });
    expect(page.items[0]).toMatchObject({ at: '2025-03-05T14:00:00.000Z', actorId: 'u-jo', bureau: 'JO' });
  });

  it('filters by bureau: its people’s actions and actions on its data', async () => {
    expect(await seqs({ bureau: 'JO' })).toEqual([7, 4, 3, 2]);
    expect(await seqs({ bureau: 'DE' })).toEqual([5]);
    expect(await seqs({ bureau: 'FR' })).toEqual([5, 2, 1]);
    expect(await seqs({ bureau: 'US' })).toEqual([]);
  });

  it('filters by actor, target, outcome', async () => {
    expect(await seqs({ actorId: 'u-fr' })).toEqual([5, 2, 1]);
    expect(await seqs({ targetId: 'r1' })).toEqual([3, 2]);
    expect(await seqs({ targetType: 'notice' })).toEqual([6]);
    expect(await seqs({ outcome: 'denied' })).toEqual([5]);
    expect(await seqs({ actorId: 'u-fr', outcome: 'success', bureau: 'JO' })).toEqual([2]);
  });

  it('filters by exact action or by prefix, without matching look-alikes', async () => {
    expect(await seqs({ action: 'record.read' })).toEqual([5, 2]);
    expect(await seqs({ action: 'record' })).toEqual([]);
    expect(await seqs({ action: 'record.*' })).toEqual([5, 3, 2]);
    expect(await seqs({ action: 'record*' })).toEqual([5, 4, 3, 2]);
    expect(await seqs({ action: 'RECORD.*' })).toEqual([]);
    expect(await seqs({ action: '*' })).toHaveLength(7);
  });

  it('filters by an inclusive time range, whatever the offset of the bounds', async () => {
    expect(await seqs({ from: '2025-03-02T10:00:00.000Z', to: '2025-03-03T12:00:00.000Z' })).toEqual([
      5, 4, 3,
    ]);
    expect(await seqs({ from: '2025-03-04T00:00:00Z' })).toEqual([7, 6]);
    expect(await seqs({ to: '2025-03-01T10:00:00+01:00' })).toEqual([2, 1]);
    await expect(queryAudit(t.db, { from: 'yesterday' }, { limit: 5 })).rejects.toBeInstanceOf(ProblemError);
  });

  it('pages with an opaque cursor until the end', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await queryAudit(t.db, {}, { cursor, limit: 3 });
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(pages).toBe(3);
    // Paging keeps the filter.
    const first = await queryAudit(t.db, { bureau: 'JO' }, { limit: 2 });
    expect(first.items.map((e) => e.seq)).toEqual([7, 4]);
    const second = await queryAudit(t.db, { bureau: 'JO' }, { cursor: first.nextCursor!, limit: 2 });
    expect(second).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(second.items.map((e) => e.seq)).toEqual([3, 2]);
    expect(first.nextCursor).toBe(encodeAuditCursor(4));
  });

  it('rejects a cursor it did not issue as bad input', async () => {
    for (const bad of ['!!', encodeAuditCursor(0), Buffer.from('1; drop').toString('base64url')]) {
      await expect(queryAudit(t.db, {}, { cursor: bad, limit: 3 })).rejects.toBeInstanceOf(ProblemError);
    }
  });
});
