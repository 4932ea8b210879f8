#!/usr/bin/env node
// Runs the integration suite on PostgreSQL: creates a fresh database on the server named by
// MERIDIAN_TEST_PG_SERVER (default postgres://postgres@127.0.0.1:5432/postgres), points
// MERIDIAN_TEST_DATABASE_URL at it (each test file then creates its own database there),
// runs vitest, and drops what it made.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import pg from 'pg';

const server = process.env.MERIDIAN_TEST_PG_SERVER || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `meridian_test_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(server);
url.pathname = `/${name}`;
console.log(`PostgreSQL pass on ${url.host}/${name}`);

const res = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, MERIDIAN_TEST_DATABASE_URL: url.toString() },
});

const cleanup = new pg.Client({ connectionString: server });
await cleanup.connect();
await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
// Per-file databases left by a crashed run.
const { rows } = await cleanup.query("SELECT datname FROM pg_database WHERE datname LIKE 'meridian_t\\_%'");
for (const r of rows)
  await cleanup.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => {});
await cleanup.end();
process.exit(res.status ?? 1);
