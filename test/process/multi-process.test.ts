// Several server processes on one database behave as one system: a session made on one is
// valid on the other, and an event raised on one reaches a client streaming from the other
// (on PostgreSQL through LISTEN/NOTIFY; on a shared SQLite file through the events table).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/modules/demo/demo.data.js';
import { currentTotp } from '../../src/modules/identity/totp.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { openSse } from '../support/sse.js';
import { createTestDatabaseUrl, testDialect } from '../support/test-db.js';

let a: ServerProcess;
let b: ServerProcess;
let drop: () => Promise<void>;
let keyDir: string;

beforeAll(async () => {
  const db = await createTestDatabaseUrl();
  drop = db.drop;
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-mp-'));
  const env = {
    MERIDIAN_DATABASE_URL: db.url,
    MERIDIAN_KEY_FILE: path.join(keyDir, 'k.key'),
    MERIDIAN_DEMO: '1',
    MERIDIAN_WEB_ROOT: path.join(keyDir, 'none'),
  };
  a = await startServer(env);
  b = await startServer(env);
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await drop?.();
  fs.rmSync(keyDir, { recursive: true, force: true });
});

async function login(server: ServerProcess, username: string, totp = false): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username,
      password: DEMO_PASSWORD,
      ...(totp ? { totp: currentTotp(DEMO_TOTP_SECRET) } : {}),
    }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe(`two server processes on one ${testDialect} database`, () => {
  it('printed the console address and the demo sign-ins', () => {
    expect(a.output()).toContain('Meridian console: http://127.0.0.1:');
    expect(a.output() + b.output()).toContain('fr.officer');
  });

  it('share sessions', async () => {
    const cookie = await login(a, 'fr.officer');
    const me = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { name: string }).name).toBe('fr.officer');
  });

  it('deliver an event raised on one process to a client streaming from the other', async () => {
    const officer = await login(b, 'fr.officer');
    const stream = await openSse(`${b.url}/api/v1/events`, { cookie: officer });
    const other = await openSse(`${b.url}/api/v1/events`, { cookie: await login(b, 'jo.officer') });
    try {
      const admin = await login(a, 'fr.admin', true);
      const created = await fetch(`${a.url}/api/v1/bureaus/FR/units`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Cross-process unit', kind: 'other', capabilities: ['messaging'] }),
      });
      expect(created.status).toBe(201);
      const ev = await stream.waitFor((e) => e.event === 'organisation.unit_created', 15_000);
      expect(ev.data.payload).toMatchObject({ name: 'Cross-process unit', bureau: 'FR' });
      // The JO officer's stream, on the same process, did not get FR's restricted event.
      await new Promise((r) => setTimeout(r, 500));
      expect(other.events.filter((e) => e.event === 'organisation.unit_created')).toHaveLength(0);
    } finally {
      stream.close();
      other.close();
    }
  }, 30_000);
});
