// `npm run bench -- graph`: 1,000,000 links among 200,000 nodes (100,000 organisation records and
// 100,000 identifiers) on a fresh SQLite file, with mixed owners, restrictions and handling; then
// 2-hop neighbourhoods and shortest paths run through the real service functions (index, access
// policy at every step, the check against fresh rows, the audit event) for principals of
// several bureaus. The data set is written straight into the tables (one prepared statement per
// table, in transactions); every measured look-up goes through the service.
// The last line is one JSON object: {"two_hop_p95_ms", "path_p95_ms", ...}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { mulberry32 } from '../src/modules/matching/eval/rng.js';
import { neighbourhoodOf, pathBetween } from '../src/modules/networks/networks.analysis.js';
import { networkIndexOf } from '../src/modules/networks/networks.index.sync.js';
import { LINK_TYPES } from '../src/modules/networks/networks.types.js';
import { RECORD_COLUMNS } from '../src/modules/records/records.row.js';
import type { Principal } from '../src/platform/auth/principal.js';
import { closeContext, createContext } from '../src/platform/context-factory.js';
import { ProblemError } from '../src/platform/http/problem.js';

const LINKS = Number(process.env.BENCH_LINKS ?? 1_000_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 400);
const BUREAUS = ['FR', 'JO', 'NG', 'US', 'JP', 'DE', 'BR', 'IN'];
const STAMP = '2025-01-01T00:00:00.000Z'; // written before the run: other processes' look finds nothing new

const rnd = mulberry32(20260110);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const uuid = (prefix: string, i: number) => `${prefix}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;

/** A mix of sharing: mostly shared with everyone, some only with a few, some kept from a few. */
function sharing(owner: string) {
  const r = rnd();
  const others = BUREAUS.filter((b) => b !== owner);
  const few = [...new Set([pick(others), pick(others)])];
  if (r < 0.7) return { mode: 'everyone', bureaus: '[]', handling: rnd() < 0.9 ? 'official' : 'restricted' };
  if (r < 0.85)
    return {
      mode: 'only',
      bureaus: JSON.stringify(few.sort()),
      handling: pick(['official', 'restricted', 'confidential']),
    };
  return { mode: 'except', bureaus: JSON.stringify(few.sort()), handling: pick(['official', 'restricted']) };
}

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-graph-bench-'));
  const env = {
    MERIDIAN_DATABASE_URL: path.join(dir, 'meridian.db'),
    MERIDIAN_KEY_FILE: path.join(dir, 'k.key'),
  };
  const ctx = await createContext(loadConfig(env));
  try {
    const sqlite = ctx.handle.sqlite!;
    let t = performance.now();
    const recordIds: string[] = [];
    const insertRecord = sqlite.prepare(
      `insert into records (${RECORD_COLUMNS.join(',')}) values (${RECORD_COLUMNS.map(() => '?').join(',')})`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < RECORDS; i++) {
        const id = uuid('01900000', i);
        const owner = pick(BUREAUS);
        const s = sharing(owner);
        const data = JSON.stringify({ name: `Group ${i}`, type: 'organised_crime' });
        const row: Record<string, unknown> = {
          id,
          database_id: 'organisations',
          owner_bureau: owner,
          owner_unit: null,
          reference: `ORG-${i}`,
          status: 'active',
          close_reason: null,
          closed_at: null,
          restriction_mode: s.mode,
          restriction_bureaus: s.bureaus,
          handling: s.handling,
          capability: 'networks',
          purpose: 'Benchmark data set',
          legal_basis: null,
          review_date: '2030-01-01',
          source_reliability: 'B',
          info_accuracy: 2,
          data,
          warnings: null,
          label: `Group ${i} (organised_crime)`,
          search_text: `GROUP ${i}`,
          version: 1,
          created_at: STAMP,
          created_by: 'bench',
          updated_at: STAMP,
          updated_by: 'bench',
        };
        insertRecord.run(...RECORD_COLUMNS.map((c) => row[c]));
        recordIds.push(id);
      }
    })();
    const entityIds: string[] = [];
    const insertEntity = sqlite.prepare(
      'insert into network_entities (id, kind, value, created_at) values (?, ?, ?, ?)',
    );
    sqlite.transaction(() => {
      for (let i = 0; i < ENTITIES; i++) {
        const id = uuid('01910000', i);
        insertEntity.run(id, 'phone', `+4420${String(i).padStart(8, '0')}`, STAMP);
        entityIds.push(id);
      }
    })();
    const nodes: [string, string][] = [
      ...recordIds.map((id) => ['record', id] as [string, string]),
      ...entityIds.map((id) => ['entity', id] as [string, string]),
    ];
    const insertLink = sqlite.prepare(
      `insert into network_links (id, from_kind, from_id, from_database, to_kind, to_id, to_database, type,
        valid_from, valid_to, source_reliability, info_accuracy, owner_bureau, owner_unit, restriction_mode,
        restriction_bureaus, handling, purpose, notes, status, created_by, created_at, updated_by, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, null, ?, ?, ?, 'Benchmark data set', null, 'active', 'bench', ?, 'bench', ?, 1)`,
    );
    const CHUNK = 100_000;
    for (let start = 0; start < LINKS; start += CHUNK) {
      sqlite.transaction(() => {
        for (let i = start; i < Math.min(LINKS, start + CHUNK); i++) {
          // Records link to records and to identifiers; an identifier only to records.
          const [fk, fid] = recordIds.length > 0 ? ['record', pick(recordIds)] : pick(nodes);
          let [tk, tid] = pick(nodes);
          if (tid === fid) [tk, tid] = ['entity', pick(entityIds)];
          const owner = pick(BUREAUS);
          const s = sharing(owner);
          insertLink.run(
            uuid('01920000', i),
            fk,
            fid,
            fk === 'record' ? 'organisations' : null,
            tk,
            tid,
            tk === 'record' ? 'organisations' : null,
            pick(LINK_TYPES),
            pick(['A', 'B', 'C', 'X']),
            1 + Math.floor(rnd() * 4),
            owner,
            s.mode,
            s.bureaus,
            s.handling,
            STAMP,
            STAMP,
          );
        }
      })();
    }
    const loadSeconds = (performance.now() - t) / 1000;
    console.log(
      `data set: ${RECORDS} records, ${ENTITIES} identifiers, ${LINKS} links written in ${loadSeconds.toFixed(1)} s`,
    );

    t = performance.now();
    const index = await networkIndexOf(ctx);
    const indexSeconds = (performance.now() - t) / 1000;
    const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    console.log(
      `index: ${index.linkCount} links, ${index.nodeKeys.length} nodes loaded in ${indexSeconds.toFixed(1)} s, heap ${heapMb} MB`,
    );

    const principals: Principal[] = BUREAUS.map((b) => ({
      type: 'user',
      id: `bench-${b}`,
      name: `${b.toLowerCase()}.analyst`,
      bureau: b,
      unitId: null,
      roles: ['officer'],
      capabilities: ['databases', 'networks'],
    }));
    const meta = { requestId: 'bench', purpose: 'Benchmark of network analyses' };
    const record = () => ({ kind: 'record' as const, id: pick(recordIds) });
    const timed = async (f: () => Promise<unknown>) => {
      const s = performance.now();
      try {
        await f();
      } catch (e) {
        if (!(e instanceof ProblemError && e.status === 404)) throw e;
        return null; // a start node this principal may not know of: refused, not measured
      }
      return performance.now() - s;
    };
    // Warm-up (the JIT; a running server is warm).
    for (let i = 0; i < 50; i++) {
      await timed(() => neighbourhoodOf(ctx, pick(principals), { node: record(), hops: 2 }, meta));
      await timed(() => pathBetween(ctx, pick(principals), { from: record(), to: record() }, meta));
    }
    const twoHop: number[] = [];
    const sizes: number[] = [];
    while (twoHop.length < QUERIES) {
      const p = pick(principals);
      const node = record();
      let size = 0;
      const ms = await timed(async () => {
        size = (await neighbourhoodOf(ctx, p, { node, hops: 2 }, meta)).nodes.length;
      });
      if (ms !== null) {
        twoHop.push(ms);
        sizes.push(size);
      }
    }
    const paths: number[] = [];
    let found = 0;
    while (paths.length < QUERIES) {
      let ok = false;
      const ms = await timed(async () => {
        ok = (await pathBetween(ctx, pick(principals), { from: record(), to: record() }, meta)).found;
      });
      if (ms !== null) {
        paths.push(ms);
        if (ok) found++;
      }
    }
    const figures = {
      two_hop_p95_ms: round(p95(twoHop)),
      path_p95_ms: round(p95(paths)),
      two_hop_median_ms: round(median(twoHop)),
      path_median_ms: round(median(paths)),
      two_hop_mean_nodes: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
      paths_found: found,
      queries: QUERIES,
      links: LINKS,
      nodes: RECORDS + ENTITIES,
      index_load_s: round(indexSeconds),
      heap_mb: heapMb,
    };
    console.log(
      `2-hop neighbourhood p95 ${figures.two_hop_p95_ms} ms (mean ${figures.two_hop_mean_nodes} nodes); shortest path p95 ${figures.path_p95_ms} ms (${found}/${QUERIES} found)`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    await closeContext(ctx);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
