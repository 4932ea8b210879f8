// Several server processes on one database must extend ONE chain: on PostgreSQL through the
// head row's lock, on a shared SQLite file through BEGIN IMMEDIATE and retrying a busy file.
// Real child processes, so nothing here is serialised by sharing one event loop.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { verifyAuditChain } from './audit.verify.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const PER_PROCESS = 400;

// The child: many concurrent record() calls through the real writer, in small batches.
const CHILD = `
import { openDatabase } from './../db/connect.js';
import { AuditLog } from './audit.writer.js';
async function main() {
  const [url, n, tag, startAt] = process.argv.slice(2);
  const handle = openDatabase(url);
  const log = new AuditLog(handle, { maxBatch: 20 });
  // All children start writing at the same moment, whatever their start-up time.
  await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
  const all = [];
  for (let i = 0; i < Number(n); i++) {
    all.push(log.record({ actor: null, actorType: 'system', action: 'test.write', outcome: 'success', details: { tag, i } }));
    if (i % 10 === 9) await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(all);
  await log.close();
  await handle.close();
  process.stdout.write(JSON.stringify(log.stats));
}
main().catch((err) => { console.error(err); process.exit(1); });
`;

let t: TestDatabase;
let dir: string;
let script: string | null = null;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-audit-'));
  // esbuild comes with vite; the child runs as CommonJS so NODE_PATH finds the native modules.
  const esbuild = await import('esbuild').catch(() => null);
  if (!esbuild) return;
  script = path.join(dir, 'child.cjs');
  await esbuild.build({
    stdin: { contents: CHILD, resolveDir: here, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: script,
    external: ['better-sqlite3', 'pg', 'pg-native', 'kysely'],
    logLevel: 'silent',
  });
});
afterAll(async () => {
  await t.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

function runChild(
  tag: string,
  startAt: number,
): Promise<{ batches: number; failedBatches: number; events: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script!, t.url, String(PER_PROCESS), tag, String(startAt)], {
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child ${tag}: ${err}`)),
    );
  });
}

it('keeps ONE chain when three processes write at once', async (ctx) => {
  if (!script) ctx.skip();
  const startAt = Date.now() + 1500;
  const stats = await Promise.all(['a', 'b', 'c'].map((tag) => runChild(tag, startAt)));
  for (const s of stats) expect(s).toMatchObject({ events: PER_PROCESS, failedBatches: 0 });
  expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 3 * PER_PROCESS });
  const rows = await t.db.selectFrom('audit_events').select(['details']).orderBy('seq').execute();
  const tags = rows.map((r) => JSON.parse(r.details!).tag as string);
  // The writers really overlapped: the chain alternates between processes many times.
  expect(tags.filter((x, i) => i > 0 && x !== tags[i - 1]).length).toBeGreaterThan(4);
  // Each process's events keep their own order within the shared chain.
  for (const tag of ['a', 'b', 'c']) {
    const mine = rows.filter((_, i) => tags[i] === tag).map((r) => JSON.parse(r.details!).i as number);
    expect(mine).toEqual(Array.from({ length: PER_PROCESS }, (_, i) => i));
  }
}, 60_000);
