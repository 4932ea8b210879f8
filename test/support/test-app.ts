// A real application on a fresh database (SQLite, or PostgreSQL when
// MERIDIAN_TEST_DATABASE_URL is set), seeded with the demo organisation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/modules/demo/demo.data.js';
import { seedDemo } from '../../src/modules/demo/demo.service.js';
import { currentTotp } from '../../src/modules/identity/totp.js';
import { createTestDatabaseUrl } from './test-db.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  config: Config;
  demoApiKey: string | null;
  close(): Promise<void>;
}

export async function testConfig(overrides: Record<string, string> = {}) {
  const { url, drop } = await createTestDatabaseUrl();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-key-'));
  const config = loadConfig({
    MERIDIAN_DATABASE_URL: url,
    MERIDIAN_KEY_FILE: path.join(dir, 'test.key'),
    MERIDIAN_LOG_LEVEL: 'silent',
    MERIDIAN_WEB_ROOT: path.join(dir, 'no-console'),
    // Tests sign the same demo users in many times; the auth suite sets the real limit.
    MERIDIAN_SIGNIN_RATE_PER_MINUTE: '1000',
    ...overrides,
  });
  return {
    config,
    drop: async () => {
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createTestApp(
  opts: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const { config, drop } = await testConfig(opts.env);
  const { app, ctx } = await buildApp(config);
  await app.ready();
  const seeded = opts.demo === false ? null : await seedDemo(ctx);
  return {
    app,
    ctx,
    config,
    demoApiKey: seeded?.apiKey ?? null,
    async close() {
      await app.close();
      await drop();
    },
  };
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const c = list.find((x) => x.startsWith('meridian_session='));
  if (!c) throw new Error(`no session cookie in answer ${res.statusCode}: ${res.body}`);
  return c.split(';')[0]!;
}

/** Signs a demo user in (with the second factor when the account has one); returns the cookie. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  let res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode === 401 && res.json().code === 'totp_required') {
    res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password, totp: currentTotp(DEMO_TOTP_SECRET) },
    });
  }
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  return cookieFrom(res);
}

/** JSON request as a signed-in user (cookie) or a machine (API key). */
export function as(app: FastifyInstance, auth: { cookie?: string; apiKey?: string }) {
  const headers = (extra?: Record<string, string>) => ({
    ...(auth.cookie ? { cookie: auth.cookie } : {}),
    ...(auth.apiKey ? { authorization: `Bearer ${auth.apiKey}` } : {}),
    ...extra,
  });
  return {
    get: (url: string, extra?: Record<string, string>) =>
      app.inject({ method: 'GET', url, headers: headers(extra) }),
    post: (url: string, payload: unknown = {}, extra?: Record<string, string>) =>
      app.inject({ method: 'POST', url, payload: payload as object, headers: headers(extra) }),
    put: (url: string, payload: unknown, extra?: Record<string, string>) =>
      app.inject({ method: 'PUT', url, payload: payload as object, headers: headers(extra) }),
    patch: (url: string, payload: unknown, extra?: Record<string, string>) =>
      app.inject({ method: 'PATCH', url, payload: payload as object, headers: headers(extra) }),
    // A JSON body ({}), as the server asks of every cookie-authenticated change.
    del: (url: string, extra?: Record<string, string>) =>
      app.inject({ method: 'DELETE', url, payload: {}, headers: headers(extra) }),
  };
}
