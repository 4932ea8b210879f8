// The `meridian` CLI: migrate, demo (and its refusal on a database with real users), user add,
// apikey create, and audit verify catching a row edited behind the server's back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/connect.js';
import { runCli } from '../support/server-process.js';
import { createTestDatabaseUrl } from '../support/test-db.js';

let env: Record<string, string>;
let drop: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  const db = await createTestDatabaseUrl();
  drop = db.drop;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-cli-'));
  env = { MERIDIAN_DATABASE_URL: db.url, MERIDIAN_KEY_FILE: path.join(dir, 'k.key') };
});
afterAll(async () => {
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('meridian CLI', () => {
  it('migrates, adds a first administrator, and then refuses demo data without --force', () => {
    const m = runCli(['migrate'], env);
    expect(m.status, m.stderr).toBe(0);
    expect(m.stdout).toMatch(/Applied: 0001_initial|up to date/);

    const add = runCli(
      [
        'user',
        'add',
        '--bureau',
        'ng',
        '--username',
        'ng.first',
        '--name',
        'First Admin',
        '--role',
        'bureau_admin',
      ],
      { ...env, MERIDIAN_NEW_PASSWORD: 'a-strong-first-password' },
    );
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toContain('Created user ng.first');

    const weak = runCli(
      ['user', 'add', '--bureau', 'NG', '--username', 'ng.weak', '--name', 'W', '--role', 'officer'],
      {
        ...env,
        MERIDIAN_NEW_PASSWORD: 'short',
      },
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('password');

    const demo = runCli(['demo'], env);
    expect(demo.status).toBe(1);
    expect(demo.stderr).toContain('not a demo instance');
  });

  it('creates an API key for a unit and prints it once', async () => {
    const handle = openDatabase(env.MERIDIAN_DATABASE_URL!);
    const unitId = '00000000-0000-4000-8000-000000000001';
    const now = new Date().toISOString();
    await handle.db
      .insertInto('units')
      .values({
        id: unitId,
        bureau_code: 'NG',
        name: 'Lagos airport',
        kind: 'border_post',
        capabilities: '["screening"]',
        active: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await handle.close();
    const res = runCli(
      [
        'apikey',
        'create',
        '--bureau',
        'NG',
        '--unit',
        unitId,
        '--name',
        'Gates',
        '--capability',
        'screening',
      ],
      env,
    );
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/mk_[A-Za-z0-9]{8}_/);
  });

  it('verifies the audit chain and names the first event edited behind its back', async () => {
    const ok = runCli(['audit', 'verify'], env);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Audit chain intact: \d+ events verified/);

    const handle = openDatabase(env.MERIDIAN_DATABASE_URL!);
    const second = await handle.db
      .selectFrom('audit_events')
      .select('seq')
      .orderBy('seq')
      .offset(1)
      .limit(1)
      .executeTakeFirstOrThrow();
    await handle.db
      .updateTable('audit_events')
      .set({ outcome: 'denied' })
      .where('seq', '=', second.seq)
      .execute();
    await handle.close();

    const broken = runCli(['audit', 'verify'], env);
    expect(broken.status).toBe(3);
    expect(broken.stdout).toContain(`BROKEN at event ${second.seq}`);
  });
});
