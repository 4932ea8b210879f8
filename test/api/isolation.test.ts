// One bureau cannot read, list, search or stream what another bureau restricted away from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessDescriptor } from '../../src/platform/policy/access.js';
import { openSse } from '../support/sse.js';
import { as, createTestApp, signIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => t?.close());

const onlyFor = (
  owner: string,
  bureaus: string[],
  handling: AccessDescriptor['handling'] = 'official',
): AccessDescriptor => ({
  ownerBureau: owner,
  restriction: { mode: 'only', bureaus },
  handling,
});

describe('organisation data stays inside its bureau', () => {
  it('lists', async () => {
    const jo = as(t.app, { cookie: await signIn(t.app, 'jo.officer') });
    expect((await jo.get('/api/v1/bureaus/FR/units')).statusCode).toBe(404);
    expect((await jo.get('/api/v1/bureaus/JO/units')).statusCode).toBe(200);
    const joAdmin = as(t.app, { cookie: await signIn(t.app, 'jo.admin') });
    expect((await joAdmin.get('/api/v1/bureaus/FR/users')).statusCode).toBe(403);
    expect((await joAdmin.get('/api/v1/bureaus/FR/api-keys')).statusCode).toBe(403);
  });

  it('audit search: a bureau DPO sees only their bureau; the GS DPO sees all', async () => {
    const frDpo = as(t.app, { cookie: await signIn(t.app, 'fr.dpo') });
    const refused = await frDpo.get('/api/v1/audit?bureau=JO');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors[0].field).toBe('bureau');
    const own = await frDpo.get('/api/v1/audit?limit=200');
    expect(own.statusCode).toBe(200);
    const items = own.json().items as { bureau: string | null; targetBureau: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.bureau === 'FR' || e.targetBureau === 'FR')).toBe(true);

    const gsDpo = as(t.app, { cookie: await signIn(t.app, 'xg.dpo') });
    const jo = await gsDpo.get('/api/v1/audit?bureau=JO&action=auth.*');
    expect(jo.statusCode).toBe(200);
    expect(jo.json().items.length).toBeGreaterThan(0);
    const joItems = jo.json().items as {
      bureau: string | null;
      targetBureau: string | null;
      action: string;
    }[];
    expect(
      joItems.every((e) => (e.bureau === 'JO' || e.targetBureau === 'JO') && e.action.startsWith('auth.')),
    ).toBe(true);

    const officer = as(t.app, { cookie: await signIn(t.app, 'fr.officer') });
    expect((await officer.get('/api/v1/audit')).statusCode).toBe(403);
  });
});

describe('the event stream delivers only what the access policy allows', () => {
  it('streams a bureau its own events and what is shared with it, never what is restricted away', async () => {
    const fr = await openSse(`${base}/api/v1/events`, { cookie: await signIn(t.app, 'fr.officer') });
    const jo = await openSse(`${base}/api/v1/events`, { cookie: await signIn(t.app, 'jo.officer') });
    const gs = await openSse(`${base}/api/v1/events`, { cookie: await signIn(t.app, 'xg.reviewer') });
    const admin = await openSse(`${base}/api/v1/events`, { cookie: await signIn(t.app, 'fr.admin') });
    expect(fr.status).toBe(200);
    try {
      await t.ctx.events.publish('test.secret', { n: 1 }, onlyFor('JO', ['JO']));
      await t.ctx.events.publish('test.shared', { n: 2 }, onlyFor('JO', ['FR']));
      await t.ctx.events.publish('test.confidential', { n: 3 }, onlyFor('JO', ['FR'], 'confidential'));
      await t.ctx.events.publish('test.child', { n: 4 }, { ...onlyFor('JO', ['FR']), capability: 'icse' });
      await t.ctx.events.publish(
        'test.end',
        { n: 5 },
        { ownerBureau: 'XG', restriction: { mode: 'everyone' }, handling: 'public' },
      );

      await fr.waitFor((e) => e.event === 'test.end');
      await jo.waitFor((e) => e.event === 'test.end');
      await gs.waitFor((e) => e.event === 'test.end');
      expect(fr.events.map((e) => e.event)).toEqual(['test.shared', 'test.end']);
      expect(jo.events.map((e) => e.event)).toEqual([
        'test.secret',
        'test.shared',
        'test.confidential',
        'test.end',
      ]);
      // The GS reviewer sees what any bureau shares for compliance review, but not child-exploitation data.
      expect(gs.events.map((e) => e.event)).toEqual([
        'test.secret',
        'test.shared',
        'test.confidential',
        'test.end',
      ]);
      await admin.waitFor((e) => e.event === 'test.end');
      expect(admin.events.map((e) => e.event)).toEqual(['test.end']);
    } finally {
      for (const c of [fr, jo, gs, admin]) c.close();
    }
  });

  it('refuses a stream without credentials', async () => {
    const anon = await openSse(`${base}/api/v1/events`, {});
    expect(anon.status).toBe(401);
    anon.close();
  });

  it('resumes after Last-Event-ID without replaying what the client may not see', async () => {
    const cookie = await signIn(t.app, 'fr.officer');
    const firstId = await t.ctx.events.publish('test.a', {}, onlyFor('FR', ['FR']));
    await t.ctx.events.publish('test.b', {}, onlyFor('JO', ['JO']));
    await t.ctx.events.publish('test.c', {}, onlyFor('FR', ['FR']));
    const resumed = await openSse(`${base}/api/v1/events`, { cookie, 'last-event-id': String(firstId) });
    try {
      await resumed.waitFor((e) => e.event === 'test.c');
      expect(resumed.events.map((e) => e.event)).toEqual(['test.c']);
    } finally {
      resumed.close();
    }
  });

  it('audits each delivery to each subscriber', async () => {
    await t.ctx.audit.flush();
    const rows = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'events.deliver')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.target_type === 'event')).toBe(true);
  });
});
