// Sign-in, second factor, lock-out, sessions and API keys, through the HTTP API on a real database.

import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/modules/demo/demo.data.js';
import { currentTotp } from '../../src/modules/identity/totp.js';
import { as, cookieFrom, createTestApp, signIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { MERIDIAN_MAX_FAILED_SIGNINS: '3', MERIDIAN_SIGNIN_RATE_PER_MINUTE: '10' },
  });
});
afterAll(async () => t?.close());

const login = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });

describe('sign-in', () => {
  it('signs an officer in with a password and tells who they are', async () => {
    const res = await login({ username: 'fr.officer', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('full');
    const cookie = cookieFrom(res);
    expect(res.headers['set-cookie']).toMatch(/HttpOnly/i);
    expect(res.headers['set-cookie']).toMatch(/SameSite=Strict/i);
    const me = await as(t.app, { cookie }).get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      type: 'user',
      name: 'fr.officer',
      bureau: { code: 'FR', names: { fr: 'France' } },
      roles: ['officer'],
      totpEnabled: false,
    });
    expect(me.json().bureau.names.ar).toMatch(/[\u0600-\u06FF]/);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const a = await login({ username: 'br.officer', password: 'wrong-password-x' });
    const b = await login({ username: 'nobody.here', password: 'wrong-password-x' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(a.json().code).toBe('invalid_credentials');
    expect(b.json().detail).toBe(a.json().detail);
  });

  it('asks an administrator for the second factor and checks it', async () => {
    const noCode = await login({ username: 'jp.admin', password: DEMO_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('totp_required');
    expect(noCode.headers['set-cookie']).toBeUndefined();
    const good = currentTotp(DEMO_TOTP_SECRET);
    const wrong = good === '000000' ? '111111' : '000000';
    const bad = await login({ username: 'jp.admin', password: DEMO_PASSWORD, totp: wrong });
    expect(bad.json().code).toBe('invalid_totp');
    const ok = await login({ username: 'jp.admin', password: DEMO_PASSWORD, totp: good });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().principal.roles).toEqual(['bureau_admin']);
  });

  it('locks an account after repeated failures, even for the right password, until unlocked', async () => {
    for (let i = 0; i < 3; i++) await login({ username: 'ng.officer', password: 'not-the-password' });
    const locked = await login({ username: 'ng.officer', password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('account_locked');

    const admin = as(t.app, { cookie: await signIn(t.app, 'ng.admin') });
    const users = (await admin.get('/api/v1/bureaus/NG/users')).json().items as {
      id: string;
      username: string;
      locked: boolean;
    }[];
    const officer = users.find((u) => u.username === 'ng.officer')!;
    expect(officer.locked).toBe(true);
    const unlocked = await admin.post(`/api/v1/bureaus/NG/users/${officer.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().locked).toBe(false);
    expect((await login({ username: 'ng.officer', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('makes a new DPO enrol a second factor before anything else', async () => {
    const admin = as(t.app, { cookie: await signIn(t.app, 'br.admin') });
    const created = await admin.post('/api/v1/bureaus/BR/users', {
      username: 'br.dpo2',
      displayName: 'Segunda DPO',
      password: 'a-long-enough-password',
      roles: ['dpo'],
    });
    expect(created.statusCode).toBe(201);

    const res = await login({ username: 'br.dpo2', password: 'a-long-enough-password' });
    expect(res.json()).toEqual({ stage: 'totp_enrolment' });
    const dpo = as(t.app, { cookie: cookieFrom(res) });
    const blocked = await dpo.get('/api/v1/auth/me');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('totp_enrolment_required');
    expect((await dpo.get('/api/v1/audit')).statusCode).toBe(403);

    const setup = await dpo.post('/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toContain('otpauth://totp/');
    const wrong = await dpo.post('/api/v1/auth/totp/confirm', {
      code: '000000' === authenticator.generate(secret) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    const confirmed = await dpo.post('/api/v1/auth/totp/confirm', { code: authenticator.generate(secret) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().principal.totpEnabled).toBe(true);
    expect((await dpo.get('/api/v1/auth/me')).statusCode).toBe(200);

    // From now on the code is required at sign-in.
    expect((await login({ username: 'br.dpo2', password: 'a-long-enough-password' })).json().code).toBe(
      'totp_required',
    );
  });
});

describe('sessions', () => {
  it('signs out of one session, and out of every session', async () => {
    const c1 = await signIn(t.app, 'us.officer');
    const c2 = await signIn(t.app, 'us.officer');
    const c3 = await signIn(t.app, 'us.officer');
    expect((await as(t.app, { cookie: c1 }).post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await as(t.app, { cookie: c1 }).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await as(t.app, { cookie: c2 }).get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await as(t.app, { cookie: c2 }).post('/api/v1/auth/logout-all')).statusCode).toBe(204);
    expect((await as(t.app, { cookie: c3 }).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('ends a session left idle too long, and one past its absolute lifetime', async () => {
    const idle = await signIn(t.app, 'jo.officer');
    const old = new Date(Date.now() - (t.config.sessionIdleSeconds + 5) * 1000).toISOString();
    await t.ctx.db.updateTable('sessions').set({ last_seen_at: old }).execute();
    expect((await as(t.app, { cookie: idle }).get('/api/v1/auth/me')).statusCode).toBe(401);

    const expired = await signIn(t.app, 'jo.officer');
    await t.ctx.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await as(t.app, { cookie: expired }).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated change sent as a form (cross-site)', async () => {
    const cookie = await signIn(t.app, 'fr.admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-all',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    });
    expect(res.statusCode).toBe(415);
    expect((await as(t.app, { cookie }).get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await login({ username: 'rate.limit.target', password: 'whatever-password' })).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('API keys', () => {
  it('authenticates a machine as its unit with the granted capabilities, until revoked', async () => {
    expect(t.demoApiKey).toMatch(/^mk_/);
    const machine = as(t.app, { apiKey: t.demoApiKey! });
    const me = await machine.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      type: 'api_key',
      roles: ['system'],
      capabilities: ['screening'],
      bureau: { code: 'FR' },
    });
    expect(me.json().unit.name).toBe('Paris-Charles de Gaulle border post');

    const stored = await t.ctx.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(t.demoApiKey!.slice('mk_XXXXXXXX_'.length));
    expect(stored[0]!.last_used_at).not.toBeNull();

    // The General Secretariat's administrator may revoke any bureau's key (fr.admin's code is spent).
    const admin = as(t.app, { cookie: await signIn(t.app, 'xg.admin') });
    const revoked = await admin.post(`/api/v1/bureaus/FR/api-keys/${me.json().id}/revoke`);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await machine.get('/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_api_key');
  });

  it('refuses a malformed or unknown key', async () => {
    for (const key of ['nonsense', 'mk_AAAAAAAA_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']) {
      const res = await as(t.app, { apiKey: key }).get('/api/v1/auth/me');
      expect(res.statusCode).toBe(401);
    }
  });
});

describe('audit of sign-ins', () => {
  it('records successful and refused sign-ins without the password', async () => {
    const rows = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'auth.login')
      .execute();
    expect(rows.some((r) => r.outcome === 'success')).toBe(true);
    expect(rows.some((r) => r.outcome === 'denied' && (r.details ?? '').includes('wrong_password'))).toBe(
      true,
    );
    expect(JSON.stringify(rows)).not.toContain(DEMO_PASSWORD);
  });
});

describe('one-time codes', () => {
  it('accepts a code once: the same code cannot sign in a second time', async () => {
    const code = currentTotp(DEMO_TOTP_SECRET);
    const first = await login({ username: 'us.dpo', password: DEMO_PASSWORD, totp: code });
    expect(first.statusCode).toBe(200);
    const replay = await login({ username: 'us.dpo', password: DEMO_PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_totp');
  });
});
