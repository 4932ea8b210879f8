// Secure messaging end to end, on SQLite and PostgreSQL: sending to bureaus, units, regions and
// all bureaus with copies; signatures by the sender's bureau, checked on receipt and surviving a
// key rotation; delivery states per recipient; replies and threads; acknowledgement; handling
// codes that stop forwarding; the General Secretariat kept out of a private exchange until a
// party lets it in; attachments encrypted at rest; templates; search and unread counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, officer } from '../../support/records.js';
import { as, createTestApp, signIn, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let fr: Client;
let jo: Client;
let br: Client;
let ng: Client;
let gs: Client;
let admin: Client; // a TOTP code is spent once: sign the administrator in once

type Recipient = {
  bureau: string;
  unit: string | null;
  copy: boolean;
  deliveredAt: string | null;
  readAt: string | null;
  acknowledgedAt: string | null;
  answeredAt: string | null;
};
type Message = {
  id: string;
  threadId: string;
  subject: string;
  body: string;
  recipients: Recipient[];
  attachments: { id: string; name: string; mediaType: string; size: number; sha256: string }[];
  signature: { kid: string; bureau: string; valid: boolean };
  gsAccess: boolean;
};

const message = (extra: Record<string, unknown> = {}) => ({
  to: { bureaus: ['JO'] },
  subject: 'Stolen passport 19FR55123 used at Amman airport',
  body: 'Please confirm whether the holder was stopped and where he is now.',
  language: 'en',
  priority: 'urgent',
  handling: 'police_use_only',
  ...extra,
});

async function send(c: Client, body: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await c.post('/api/v1/messages', body, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Message;
}
const read = async (c: Client, id: string) => {
  const res = await c.get(`/api/v1/messages/${id}`);
  return { status: res.statusCode, body: res.json() as Message };
};
const stateOf = (m: Message, bureau: string) => m.recipients.find((r) => r.bureau === bureau)!;

beforeAll(async () => {
  t = await createTestApp();
  fr = await officer(t.app, 'fr.officer');
  jo = await officer(t.app, 'jo.officer');
  br = await officer(t.app, 'br.officer');
  ng = await officer(t.app, 'ng.officer');
  gs = await officer(t.app, 'xg.reviewer');
  admin = await officer(t.app, 'fr.admin');
});
afterAll(async () => t?.close());

describe('sending and receiving', () => {
  it('delivers a signed message to its recipients and copies, with each one’s state for the sender', async () => {
    const sent = await send(fr, message({ cc: { bureaus: ['BR'] } }));
    expect(sent.recipients.map((r) => [r.bureau, r.copy])).toEqual([
      ['BR', true],
      ['JO', false],
    ]);
    expect(sent.signature.bureau).toBe('FR');

    const atJo = await read(jo, sent.id);
    expect(atJo.status).toBe(200);
    expect(atJo.body.signature).toMatchObject({ bureau: 'FR', valid: true, kid: sent.signature.kid });
    expect(atJo.body.body).toContain('Please confirm');

    // Others see nothing of it: another bureau, and the GS (a private exchange).
    expect((await read(ng, sent.id)).status).toBe(404);
    expect((await read(gs, sent.id)).status).toBe(404);

    const inbox = (await br.get('/api/v1/messages?box=inbox')).json().items as { id: string }[];
    expect(inbox.map((m) => m.id)).toContain(sent.id);
    const ack = await jo.post(`/api/v1/messages/${sent.id}/acknowledge`, {});
    expect(ack.statusCode).toBe(204);

    const atSender = (await read(fr, sent.id)).body;
    expect(stateOf(atSender, 'JO').readAt).not.toBeNull();
    expect(stateOf(atSender, 'JO').acknowledgedAt).not.toBeNull();
    expect(stateOf(atSender, 'BR').deliveredAt).not.toBeNull(); // its inbox listed it
    expect(stateOf(atSender, 'BR').readAt).toBeNull();
  });

  it('refuses bad input with the field at fault', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [message({ to: { bureaus: ['ZZ'] } }), 'to.bureaus.0'],
      [message({ to: {} }), 'to'],
      [message({ handling: 'other' }), 'handlingNote'],
      [message({ to: { bureaus: ['FR'] } }), 'to.bureaus.0'],
      [
        message({
          attachments: [{ name: 'x.exe', contentBase64: Buffer.from('MZ not allowed').toString('base64') }],
        }),
        'attachments.0.contentBase64',
      ],
      [message({ priority: 'whenever' }), 'priority'],
    ];
    for (const [body, field] of cases) {
      const res = await fr.post('/api/v1/messages', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('reaches all bureaus, a region, or units only', async () => {
    const all = await send(fr, message({ to: { allBureaus: true }, subject: 'Diffusion to all' }));
    expect(all.recipients).toHaveLength(195); // 196 members less the sender
    expect((await read(ng, all.id)).status).toBe(200);

    const africa = await send(fr, message({ to: { regions: ['africa'] }, subject: 'To Africa' }));
    expect(africa.recipients.some((r) => r.bureau === 'NG')).toBe(true);
    expect(africa.recipients.some((r) => r.bureau === 'JO')).toBe(false);

    // To one French unit: its officers and the bureau's central office read it, other units do not.
    const unit = (name: string) =>
      t.ctx.db
        .selectFrom('units')
        .select('id')
        .where('bureau_code', '=', 'FR')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
    const cyber = await unit('Cybercrime unit');
    const fiu = await unit('Financial intelligence unit');
    const made = await admin.post('/api/v1/bureaus/FR/users', {
      username: 'fr.fiu',
      displayName: 'Analyst of the FIU',
      password: 'a long enough password',
      roles: ['officer'],
      unitId: fiu.id,
    });
    expect(made.statusCode, made.body).toBe(201);
    // Jordan finds the unit in the address book: France's units that receive messages.
    const book = (await jo.get('/api/v1/messaging/units?bureau=FR')).json().items as {
      id: string;
      name: string;
    }[];
    expect(book.map((u) => u.name)).toEqual(['Cybercrime unit', 'Financial intelligence unit']);
    const toUnit = await send(jo, message({ to: { units: [cyber.id] }, subject: 'For the cybercrime unit' }));
    expect(toUnit.recipients).toEqual([expect.objectContaining({ bureau: 'FR', unit: cyber.id })]);
    expect((await read(await officer(t.app, 'fr.cyber'), toUnit.id)).status).toBe(200);
    const analyst = as(t.app, { cookie: await signIn(t.app, 'fr.fiu', 'a long enough password') });
    expect((await read(analyst, toUnit.id)).status).toBe(404);
    expect((await read(fr, toUnit.id)).status).toBe(200);
  });

  it('answers a retried send from its Idempotency-Key: one message', async () => {
    const a = await send(fr, message({ subject: 'Retried once' }), { 'idempotency-key': 'msg-retry-1' });
    const b = await fr.post('/api/v1/messages', message({ subject: 'Retried once' }), {
      'idempotency-key': 'msg-retry-1',
    });
    expect(b.json().id).toBe(a.id);
    const n = await t.ctx.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subject', '=', 'Retried once')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });
});

describe('threads, forwarding and the General Secretariat', () => {
  it('threads a reply and marks the parent answered', async () => {
    const first = await send(fr, message({ subject: 'Thread start' }));
    const reply = await send(
      jo,
      message({
        to: { bureaus: ['FR'] },
        subject: 'Re: Thread start',
        inReplyTo: first.id,
        body: 'Stopped at the gate.',
      }),
    );
    expect(reply.threadId).toBe(first.id);
    const thread = (await fr.get(`/api/v1/messages?box=inbox&thread=${first.id}`)).json().items as {
      id: string;
    }[];
    expect(thread.map((m) => m.id)).toEqual([reply.id, first.id]); // the whole thread, newest first
    expect(stateOf((await read(fr, first.id)).body, 'JO').answeredAt).not.toBeNull();
    // A bureau that cannot read the parent cannot reply into its thread.
    const intrude = await ng.post(
      '/api/v1/messages',
      message({ to: { bureaus: ['FR'] }, inReplyTo: first.id }),
    );
    expect(intrude.statusCode).toBe(400);
  });

  it('lets a message marked not to be passed on go further only with the sender’s recorded permission', async () => {
    const original = await send(
      fr,
      message({ handling: 'no_onward_transmission', subject: 'Source protection' }),
    );
    const refused = await jo.post(`/api/v1/messages/${original.id}/forward`, { to: { bureaus: ['BR'] } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('no_onward_transmission');
    expect((await jo.post(`/api/v1/messages/${original.id}/permissions`, { bureau: 'JO' })).statusCode).toBe(
      403,
    );
    expect((await fr.post(`/api/v1/messages/${original.id}/permissions`, { bureau: 'JO' })).statusCode).toBe(
      204,
    );
    const passed = await jo.post(`/api/v1/messages/${original.id}/forward`, {
      to: { bureaus: ['BR'] },
      comment: 'For your information',
    });
    expect(passed.statusCode, passed.body).toBe(201);
    const atBr = (await read(br, passed.json().id)).body;
    expect(atBr.subject).toBe('Fwd: Source protection');
    expect(atBr.body).toContain('For your information');
    expect(atBr.signature).toMatchObject({ bureau: 'JO', valid: true });
  });

  it('keeps the GS out of a private exchange until a party lets it in, and audits the grant', async () => {
    const m = await send(fr, message({ subject: 'Private between FR and JO' }));
    expect((await read(gs, m.id)).status).toBe(404);
    expect((await ng.post(`/api/v1/messages/${m.id}/grant-gs`, { reason: 'curious' })).statusCode).toBe(404);
    expect(
      (await jo.post(`/api/v1/messages/${m.id}/grant-gs`, { reason: 'Coordination of the arrest' }))
        .statusCode,
    ).toBe(204);
    const seen = await read(gs, m.id);
    expect(seen.status).toBe(200);
    expect(seen.body.gsAccess).toBe(true);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'bureau_code'])
      .where('action', '=', 'message.gs_grant')
      .execute();
    expect(audit).toContainEqual({ action: 'message.gs_grant', bureau_code: 'JO' });
    // Messages to the GS are read by it at once.
    const toGs = await send(fr, message({ to: { generalSecretariat: true }, subject: 'To the GS' }));
    expect((await read(gs, toGs.id)).status).toBe(200);
  });
});

describe('trust', () => {
  it('stores attachments encrypted and gives back the same bytes', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% a test document with SECRET-MARKER-42 inside\n%%EOF\n');
    const m = await send(
      fr,
      message({ attachments: [{ name: 'report.pdf', contentBase64: pdf.toString('base64') }] }),
    );
    expect(m.attachments[0]).toMatchObject({
      name: 'report.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
    });
    const stored = await t.ctx.db
      .selectFrom('message_attachments')
      .select('content')
      .where('message_id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(stored.content).not.toContain(pdf.toString('base64'));
    expect(Buffer.from(stored.content).toString()).not.toContain('SECRET-MARKER-42');
    const got = await jo.get(`/api/v1/messages/${m.id}/attachments/${m.attachments[0]!.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect((await ng.get(`/api/v1/messages/${m.id}/attachments/${m.attachments[0]!.id}`)).statusCode).toBe(
      404,
    );
    expect((await read(jo, m.id)).body.signature.valid).toBe(true);
  });

  it('shows a tampered message as not verified, and verifies old messages after a key rotation', async () => {
    const m = await send(fr, message({ subject: 'Before rotation' }));
    const rotated = await admin.post('/api/v1/bureaus/FR/keys/rotate', {});
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().kid).not.toBe(m.signature.kid);
    expect((await jo.post('/api/v1/bureaus/FR/keys/rotate', {})).statusCode).toBe(403);

    expect((await read(jo, m.id)).body.signature).toMatchObject({ kid: m.signature.kid, valid: true });
    const after = await send(fr, message({ subject: 'After rotation' }));
    expect(after.signature.kid).toBe(rotated.json().kid);
    expect((await read(jo, after.id)).body.signature.valid).toBe(true);

    const keys = (await jo.get('/api/v1/messaging/keys?bureau=FR')).json().items as {
      kid: string;
      retiredAt: string | null;
      jwk: { crv: string };
    }[];
    expect(keys.map((k) => k.kid)).toEqual(expect.arrayContaining([m.signature.kid, after.signature.kid]));
    expect(keys.find((k) => k.kid === m.signature.kid)!.retiredAt).not.toBeNull();
    expect(keys[0]!.jwk.crv).toBe('Ed25519');

    await t.ctx.db
      .updateTable('messages')
      .set({ body: 'Release the suspect.' })
      .where('id', '=', m.id)
      .execute();
    expect((await read(jo, m.id)).body.signature.valid).toBe(false);
  });
});

describe('finding one’s messages', () => {
  it('searches within one’s own messages and counts the unread', async () => {
    const m = await send(
      br,
      message({ to: { bureaus: ['NG'] }, subject: 'Kidnapping in Lagos, vehicle ABC-123' }),
    );
    const found = (await ng.get('/api/v1/messages?box=inbox&q=kidnapping')).json().items as { id: string }[];
    expect(found.map((x) => x.id)).toEqual([m.id]);
    expect((await jo.get('/api/v1/messages?box=inbox&q=kidnapping')).json().items).toEqual([]);
    const before = (await ng.get('/api/v1/messages/unread')).json().count as number;
    expect(before).toBeGreaterThanOrEqual(1);
    await read(ng, m.id);
    expect((await ng.get('/api/v1/messages/unread')).json().count).toBe(before - 1);
  });

  it('fills templates in the recipient’s language', async () => {
    const list = (await fr.get('/api/v1/messaging/templates')).json().items as {
      id: string;
      languages: string[];
    }[];
    expect(list.map((x) => x.id)).toEqual([
      'request_for_information',
      'hit_follow_up',
      'provisional_arrest_request',
      'answer',
    ]);
    const ar = await fr.post('/api/v1/messaging/templates/request_for_information/render', {
      language: 'ar',
      fields: {
        caseReference: 'FR-2026-77',
        subjectOfRequest: 'Karim Haddad',
        informationSought: 'Address',
        deadline: '2026-12-15',
      },
    });
    expect(ar.statusCode).toBe(200);
    expect(ar.json()).toMatchObject({ language: 'ar', subject: 'طلب معلومات — FR-2026-77' });
    expect(ar.json().body).toContain('Karim Haddad');
    expect(
      (await fr.post('/api/v1/messaging/templates/nope/render', { language: 'en', fields: {} })).statusCode,
    ).toBe(404);
  });
});
