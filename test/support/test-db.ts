// A fresh, migrated database for one test file: a temporary SQLite file, or — when
// MERIDIAN_TEST_DATABASE_URL names a PostgreSQL server — a new database created on it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrations.js';

export interface TestDatabase extends DbHandle {
  /** Drops what was created; call in afterAll. */
  destroy(): Promise<void>;
}

export const testDialect = process.env.MERIDIAN_TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export async function createTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.MERIDIAN_TEST_DATABASE_URL;
  const name = `meridian_t_${crypto.randomBytes(6).toString('hex')}`;
  if (!base) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-test-'));
    return {
      url: path.join(dir, `${name}.db`),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { url, drop } = await createTestDatabaseUrl();
  const handle = openDatabase(url);
  await migrateToLatest(handle.db, handle.dialect);
  return {
    ...handle,
    async destroy() {
      await handle.close();
      await drop();
    },
  };
}
