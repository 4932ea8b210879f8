// Live delivery of messages over the event stream: a recipient bureau's connected client gets
// the message at once (and the sender then sees it delivered); another bureau's and the General
// Secretariat's clients get nothing of a private exchange.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse } from '../../support/sse.js';
import { as, createTestApp, signIn, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => t?.close());

describe('live delivery', () => {
  it('reaches the recipient’s stream at once, records the delivery, and reaches nobody else', async () => {
    const jo = await openSse(`${base}/api/v1/events`, { cookie: await signIn(t.app, 'jo.officer') });
    const br = await openSse(`${base}/api/v1/events`, { cookie: await signIn(t.app, 'br.officer') });
    const gs = await openSse(`${base}/api/v1/events`, { cookie: await signIn(t.app, 'xg.reviewer') });
    try {
      const fr = as(t.app, { cookie: await signIn(t.app, 'fr.officer') });
      const res = await fr.post('/api/v1/messages', {
        to: { bureaus: ['JO'] },
        subject: 'Live to Amman',
        body: 'Arrival expected tonight.',
        language: 'en',
        priority: 'immediate',
        handling: 'police_use_only',
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      const got = await jo.waitFor(
        (e) => e.data.topic === 'messages.received' && e.data.payload.messageId === id,
        5000,
      );
      expect(got.data.payload).toMatchObject({
        subject: 'Live to Amman',
        senderBureau: 'FR',
        priority: 'immediate',
      });

      // The sender sees the delivery (recorded off the delivery path, within a second).
      let delivered: string | null = null;
      for (let i = 0; i < 40 && !delivered; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const row = await t.ctx.db
          .selectFrom('message_recipients')
          .select('delivered_at')
          .where('message_id', '=', id)
          .where('bureau', '=', 'JO')
          .executeTakeFirstOrThrow();
        delivered = row.delivered_at;
      }
      expect(delivered).not.toBeNull();

      // A public event marks the end of what the others could have received.
      await t.ctx.events.publish(
        'test.end',
        {},
        { ownerBureau: 'XG', restriction: { mode: 'everyone' }, handling: 'public' },
      );
      await br.waitFor((e) => e.data.topic === 'test.end');
      await gs.waitFor((e) => e.data.topic === 'test.end');
      expect(br.events.some((e) => e.data.topic === 'messages.received')).toBe(false);
      expect(gs.events.some((e) => e.data.topic === 'messages.received')).toBe(false);
    } finally {
      jo.close();
      br.close();
      gs.close();
    }
  });
});
