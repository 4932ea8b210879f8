// The event bus: publishing stores the event and wakes subscribers in this process and in others
// (PostgreSQL: NOTIFY, proven here with polling switched off; SQLite: polling the shared file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialect } from '../../../test/support/test-db.js';
import { openDatabase } from '../db/connect.js';
import type { AccessDescriptor } from '../policy/access.js';
import { EventBus, type StoredEvent } from './event-bus.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const frOnly: AccessDescriptor = {
  ownerBureau: 'FR',
  restriction: { mode: 'only', bureaus: ['FR'] },
  handling: 'official',
};

function collect(bus: EventBus) {
  const got: StoredEvent[] = [];
  bus.subscribe((e) => got.push(e));
  return {
    got,
    until: async (n: number, ms = 5000) => {
      const end = Date.now() + ms;
      while (got.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      return got;
    },
  };
}

describe('EventBus', () => {
  it('delivers what this process publishes, in order, with its access descriptor', async () => {
    const bus = new EventBus(t, { pollMs: 0 });
    await bus.start();
    const sub = collect(bus);
    for (let i = 0; i < 5; i++) await bus.publish('test.order', { i }, frOnly);
    const got = await sub.until(5);
    expect(got.map((e) => e.payload.i)).toEqual([0, 1, 2, 3, 4]);
    expect(got[0]!.access).toEqual(frOnly);
    await bus.stop();
  });

  it('does not replay old events to a bus that starts later, but serves them on request', async () => {
    const bus = new EventBus(t, { pollMs: 0 });
    await bus.start();
    const sub = collect(bus);
    await bus.publish('test.fresh', {}, frOnly);
    const got = await sub.until(1);
    expect(got.map((e) => e.topic)).toEqual(['test.fresh']);
    expect((await bus.since(0)).length).toBeGreaterThan(1);
    await bus.stop();
  });

  it(`reaches another process's bus (${testDialect === 'postgres' ? 'LISTEN/NOTIFY, no polling' : 'polling the shared file'})`, async () => {
    const other = openDatabase(t.url);
    const publisher = new EventBus(other, { pollMs: 0 });
    const receiver = new EventBus(t, { pollMs: testDialect === 'postgres' ? 0 : 100 });
    await publisher.start();
    await receiver.start();
    const sub = collect(receiver);
    const started = Date.now();
    await publisher.publish('test.cross', { from: 'other process' }, frOnly);
    const got = await sub.until(1, 3000);
    expect(got.map((e) => e.topic)).toEqual(['test.cross']);
    expect(Date.now() - started).toBeLessThan(1500);
    await publisher.stop();
    await receiver.stop();
    await other.close();
  });
});
