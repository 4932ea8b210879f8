// `npm run bench -- audit`: audit events per second when many requests record at once, with
// group commit (the server's writer) against one transaction per event (the baseline), in the
// same run on the same machine, on a SQLite file (synchronous=FULL) or MERIDIAN_BENCH_DATABASE_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyAuditChain } from '../src/platform/audit/audit.verify.js';
import { AuditLog } from '../src/platform/audit/audit.writer.js';
import type { Principal } from '../src/platform/auth/principal.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrations.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const principal: Principal = {
  type: 'user',
  id: '00000000-0000-4000-8000-00000000beef',
  name: 'bench.officer',
  bureau: 'FR',
  unitId: null,
  roles: ['officer'],
  capabilities: ['databases'],
};

async function run(label: string, maxBatch: number, events: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-'));
  const handle = openDatabase(process.env.MERIDIAN_BENCH_DATABASE_URL ?? path.join(dir, 'bench.db'));
  await migrateToLatest(handle.db, handle.dialect);
  const log = new AuditLog(handle, { maxBatch });
  let next = 0;
  const started = process.hrtime.bigint();
  // Each worker is one request after another, as a border system's connections would be.
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < events) {
        const i = next++;
        await log.record({
          actor: principal,
          action: 'record.search',
          purpose: 'border check',
          outcome: 'success',
          target: { type: 'travel_document', id: `doc-${i}`, bureau: 'JO' },
          requestId: `req-${i}`,
        });
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await log.close();
  const verified = await verifyAuditChain(handle.db);
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (!verified.ok) throw new Error(`${label}: chain broken: ${verified.firstBroken?.reason}`);
  const perSecond = Math.round(events / seconds);
  console.log(
    `${label.padEnd(28)} ${events} events in ${seconds.toFixed(2)} s = ${perSecond}/s; ` +
      `${log.stats.batches} transactions; chain verified (${verified.checked})`,
  );
  return perSecond;
}

const baseline = await run('one transaction per event', 1, Number(process.env.BENCH_BASELINE_EVENTS ?? 3000));
const grouped = await run('group commit (server)', 500, Number(process.env.BENCH_EVENTS ?? 50000));
console.log(
  JSON.stringify({
    concurrency: CONCURRENCY,
    baseline_events_per_s: baseline,
    group_commit_events_per_s: grouped,
    ratio: Math.round((grouped / baseline) * 10) / 10,
  }),
);
