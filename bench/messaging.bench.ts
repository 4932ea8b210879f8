// `npm run bench -- messaging`: live delivery of messages to every bureau, over HTTP on this machine.
// For each of the 196 member bureaus and the General Secretariat (XG) it creates a unit with the
// messaging capability and an API key (role system) bound to it; starts the built server
// (`node dist/src/main.js serve`) as a child; opens 197 event streams (GET /api/v1/events, one per
// bureau, bearer auth); then BENCH_SENDERS concurrent senders post for BENCH_SECONDS a mix of
// diffusions to all bureaus (`to: {allBureaus: true}`, from rotating senders) and direct messages
// between random pairs of bureaus, each sender waiting for its 201 before the next.
//   acceptance  when the sender read the 201 (the message is durable then);
//   arrival     when the event stream of a recipient bureau delivered `messages.received` for it.
// Figures: accepted messages/s over the sending window; p50/p99 of arrival − acceptance over every
// (message, recipient) pair, for diffusions and direct messages apart (an event that arrives before
// its 201 was read counts 0; the same from the send's start and from the server's createdAt are
// shown beside it); every delivery expected (the recipients the 201 names) against those received:
// a missing one, a duplicate, or one to a bureau that is neither recipient nor sender fails the run.
// A miss is explained: the message's event id, when it was accepted, which process's streams lost it.
// Run twice: on SQLite (one process) and on PostgreSQL (two server processes on one fresh database,
// streams split half and half between them, senders posting to both).
// Knobs: BENCH_SECONDS (per database, default 20), BENCH_SENDERS (8), BENCH_DIFFUSION_EVERY (one
// message in N is a diffusion; 5), BENCH_RATE (messages/s for all senders together, paced; default
// unpaced), BENCH_DATABASES (sqlite,postgres), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres,
// where a database is created and dropped), BENCH_PROFILE_DIR (servers run with --cpu-prof there).
// The last line is one JSON object.
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { createApiKey } from '../src/modules/identity/apikeys.service.js';
import { mulberry32 } from '../src/modules/matching/eval/rng.js';
import { insertUnit, newUnitRow } from '../src/modules/units/units.store.js';
import { closeContext, createContext } from '../src/platform/context-factory.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 8);
const DIFFUSION_EVERY = Number(process.env.BENCH_DIFFUSION_EVERY ?? 5);
const RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').filter(Boolean);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
/** After the sending window: how long deliveries may still come in while some keep arriving. */
const DRAIN_IDLE_MS = 15_000;
const DRAIN_MAX_MS = 60_000;
/** A message body of a realistic size (a few paragraphs). */
const BODY = 'Request for information on a suspected travelling offender; details follow. '.repeat(12);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainJs = path.join(root, 'dist', 'src', 'main.js');

let step = 'starting';
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Milliseconds on the wall clock, from the monotonic clock (to compare with the server's createdAt). */
const wallMs = (t: number) => performance.timeOrigin + t;

// ---------------------------------------------------------------------------------------------
// Machine measures (Linux)

function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function machineCpuSeconds(): number | undefined {
  try {
    const cpu = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (cpu[0]! + cpu[1]! + cpu[2]! + cpu[5]! + cpu[6]! + cpu[7]!) / 100;
  } catch {
    return undefined;
  }
}

/** CPU seconds of every PostgreSQL process on this machine, by pid (its backends serve the servers). */
function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const postgresCpuSince = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, cpu]) => sum + cpu - (before.get(pid) ?? 0), 0);

function percentile(sorted: Float64Array, p: number) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(values: number[]) {
  const s = Float64Array.from(values).sort();
  return {
    n: s.length,
    p50: round(percentile(s, 50), 1),
    p99: round(percentile(s, 99), 1),
    max: round(s.length ? s[s.length - 1]! : Number.NaN, 1),
  };
}
const fmt = (s: ReturnType<typeof summary>) => `p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms`;

// ---------------------------------------------------------------------------------------------
// Servers

interface Server {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startServer(env: Record<string, string>, name: string): Promise<Server> {
  const port = await freePort();
  let output = '';
  const flags = PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, [...flags, mainJs, 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      MERIDIAN_PORT: String(port),
      MERIDIAN_HOST: '127.0.0.1',
      MERIDIAN_LOG_LEVEL: 'warn',
      MERIDIAN_WEB_ROOT: path.join(os.tmpdir(), 'meridian-bench-no-web'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => {
    output += d.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const server: Server = {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`server was not ready within 60 s: ${output}`);
    }
    const ready = await fetch(`${server.url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready && output.includes('API documentation:')) break;
    await sleep(150);
  }
  return server;
}

// ---------------------------------------------------------------------------------------------
// Data: a unit and an API key per bureau

async function buildKeys(
  env: Record<string, string>,
): Promise<{ bureaus: string[]; keys: Map<string, string> }> {
  const ctx = await createContext(loadConfig(env));
  try {
    const rows = await ctx.db.selectFrom('bureaus').select(['code', 'kind']).orderBy('code').execute();
    const bureaus = rows.map((r) => r.code);
    const members = rows.filter((r) => r.kind === 'member').length;
    if (members !== 196 || !bureaus.includes('XG'))
      throw new Error(`expected 196 member bureaus and XG, found ${members} members: ${bureaus.join(',')}`);
    const keys = new Map<string, string>();
    for (const bureau of bureaus) {
      const unit = newUnitRow(bureau, {
        name: 'Benchmark messaging gateway',
        kind: 'other',
        capabilities: ['messaging'],
      });
      await insertUnit(ctx.db, unit);
      const { key } = await createApiKey(
        ctx,
        null,
        bureau,
        { name: 'Benchmark messaging', unitId: unit.id, capabilities: ['messaging'] },
        {},
      );
      keys.set(bureau, key);
    }
    return { bureaus, keys };
  } finally {
    await closeContext(ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// Event streams

/** messageId → bureau → when its stream delivered it (performance.now()). */
type Arrivals = Map<string, Map<string, number>>;

interface Stream {
  bureau: string;
  server: number;
  ended: boolean;
  /** Ids of the events it delivered, in the order it delivered them. */
  ids: number[];
  close(): void;
}

interface Counters {
  duplicates: number;
  streamErrors: string[];
}

const sseAgent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

function openStream(
  server: Server,
  serverIndex: number,
  bureau: string,
  key: string,
  arrivals: Arrivals,
  counters: Counters,
): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: server.port,
      path: '/api/v1/events',
      agent: sseAgent,
      headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
    });
    const stream: Stream = {
      bureau,
      server: serverIndex,
      ended: false,
      ids: [],
      close: () => {
        stream.ended = true;
        req.destroy();
      },
    };
    req.on('error', (err) => {
      if (!stream.ended) counters.streamErrors.push(`${bureau}: ${err.message}`);
      stream.ended = true;
      reject(err);
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`GET /api/v1/events as ${bureau} answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buf += chunk;
        let i = buf.indexOf('\n\n');
        while (i >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          i = buf.indexOf('\n\n');
          const id = /^id: (\d+)$/m.exec(block);
          if (id) stream.ids.push(Number(id[1]));
          if (!block.includes('"topic":"messages.received"')) continue;
          const m = /"messageId":"([^"]+)"/.exec(block);
          if (!m) continue;
          let byBureau = arrivals.get(m[1]!);
          if (!byBureau) {
            byBureau = new Map();
            arrivals.set(m[1]!, byBureau);
          }
          if (byBureau.has(bureau)) counters.duplicates++;
          else byBureau.set(bureau, at);
        }
      });
      res.on('close', () => {
        if (!stream.ended) counters.streamErrors.push(`${bureau}: the stream ended`);
        stream.ended = true;
      });
      resolve(stream);
    });
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Sending

interface Sent {
  id: string;
  diffusion: boolean;
  sender: string;
  start: number;
  accepted: number;
  createdAt: number;
  recipients: string[];
}

function post(
  server: Server,
  agent: http.Agent,
  key: string,
  body: string,
): Promise<{ status: number; text: string; start: number; end: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/v1/messages',
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(parts).toString('utf8'),
            start,
            end: performance.now(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function messageBody(diffusion: boolean, to: string | undefined, n: number) {
  return JSON.stringify({
    to: diffusion ? { allBureaus: true } : { bureaus: [to] },
    subject: `${diffusion ? 'Diffusion' : 'Message'} ${n} of the messaging benchmark`,
    body: BODY,
    language: 'en',
    priority: diffusion ? 'urgent' : 'routine',
    handling: 'police_use_only',
  });
}

async function sendOne(
  server: Server,
  agent: http.Agent,
  keys: Map<string, string>,
  sender: string,
  diffusion: boolean,
  to: string | undefined,
  n: number,
): Promise<Sent> {
  const r = await post(server, agent, keys.get(sender)!, messageBody(diffusion, to, n));
  if (r.status !== 201)
    throw new Error(`POST /api/v1/messages as ${sender} answered ${r.status}: ${r.text.slice(0, 300)}`);
  const m = JSON.parse(r.text) as { id: string; createdAt: string; recipients: { bureau: string }[] };
  return {
    id: m.id,
    diffusion,
    sender,
    start: r.start,
    accepted: r.end,
    createdAt: Date.parse(m.createdAt),
    recipients: [...new Set(m.recipients.map((x) => x.bureau))],
  };
}

/** Waits until every recipient of `sent` has it, or `ms` pass; returns how many are still missing. */
async function waitForDeliveries(sent: Sent[], arrivals: Arrivals, idleMs: number, maxMs: number) {
  const started = Date.now();
  let lastProgress = Date.now();
  let lastMissing = Number.POSITIVE_INFINITY;
  for (;;) {
    let missing = 0;
    for (const s of sent) {
      const got = arrivals.get(s.id);
      for (const b of s.recipients) if (!got?.has(b)) missing++;
    }
    if (missing === 0) return 0;
    if (missing < lastMissing) {
      lastMissing = missing;
      lastProgress = Date.now();
    }
    if (Date.now() - lastProgress > idleMs || Date.now() - started > maxMs) return missing;
    await sleep(100);
  }
}

/** messageId → id of its `messages.received` event, read from the database (to explain a miss). */
async function eventIdsOf(url: string): Promise<Map<string, number>> {
  let rows: { id: number | string; payload: string }[];
  const sql = `select id, payload from events where topic = 'messages.received'`;
  if (url.startsWith('postgres')) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    rows = (await c.query(sql)).rows as typeof rows;
    await c.end();
  } else {
    const db = new SQLite(url, { readonly: true });
    rows = db.prepare(sql).all() as typeof rows;
    db.close();
  }
  return new Map(
    rows.map((r) => [String((JSON.parse(r.payload) as { messageId: string }).messageId), Number(r.id)]),
  );
}

// ---------------------------------------------------------------------------------------------
// One run: a database, its servers, the streams, the load

interface RunResult {
  database: string;
  servers: number;
  seconds: number;
  accepted: number;
  acceptedPerS: number;
  diffusions: number;
  directs: number;
  errors: string[];
  sendToAccept: ReturnType<typeof summary>;
  diffusion: ReturnType<typeof summary>;
  diffusionFromStart: ReturnType<typeof summary>;
  diffusionFromCreated: ReturnType<typeof summary>;
  diffusionLast: ReturnType<typeof summary>;
  direct: ReturnType<typeof summary>;
  directFromStart: ReturnType<typeof summary>;
  beforeAccept: number;
  expected: number;
  received: number;
  missing: number;
  duplicates: number;
  outsiders: number;
  streamErrors: string[];
  cpuWindow: { server: number[]; bench: number; other: number | undefined };
  cpuAll: { server: number[]; bench: number; other: number | undefined };
  /** Cores used by PostgreSQL processes (all of this machine's) while sending. */
  pgWindow: number | undefined;
  outOfOrder: number;
  missingDetails: string[];
  load: { before: number[]; after: number[] };
  drainSeconds: number;
  serverWarnings: string[];
}

async function run(
  database: 'sqlite' | 'postgres',
  dir: string,
  cleanups: (() => Promise<void>)[],
): Promise<RunResult> {
  const keyFile = path.join(dir, `${database}.key`);
  let url: string;
  if (database === 'sqlite') {
    url = path.join(dir, 'meridian.db');
  } else {
    const name = `meridian_bench_msg_${crypto.randomBytes(4).toString('hex')}`;
    step = `creating the PostgreSQL database ${name}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const env = { MERIDIAN_DATABASE_URL: url, MERIDIAN_KEY_FILE: keyFile };
  step = `${database}: creating a unit and an API key per bureau`;
  let t = performance.now();
  const { bureaus, keys } = await buildKeys(env);
  const buildS = (performance.now() - t) / 1000;

  const serverCount = database === 'postgres' ? 2 : 1;
  step = `${database}: starting ${serverCount} server(s)`;
  t = performance.now();
  const servers: Server[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
  cleanups.push(stopAll);
  for (let i = 0; i < serverCount; i++) servers.push(await startServer(env, `${database}-${i}`));
  const startS = (performance.now() - t) / 1000;

  step = `${database}: opening ${bureaus.length} event streams`;
  t = performance.now();
  const arrivals: Arrivals = new Map();
  const counters: Counters = { duplicates: 0, streamErrors: [] };
  const streams: Stream[] = [];
  for (let i = 0; i < bureaus.length; i += 20) {
    const batch = bureaus.slice(i, i + 20);
    streams.push(
      ...(await Promise.all(
        batch.map((b, k) => {
          const s = (i + k) % serverCount;
          return openStream(servers[s]!, s, b, keys.get(b)!, arrivals, counters);
        }),
      )),
    );
  }
  const openS = (performance.now() - t) / 1000;
  console.log(
    `${database}: ${bureaus.length} bureaus with a unit and an API key in ${buildS.toFixed(1)} s; ` +
      `${serverCount} server process(es) ready in ${startS.toFixed(1)} s; ${streams.length} event streams open in ${openS.toFixed(1)} s` +
      (serverCount > 1
        ? ` (${streams.filter((s) => s.server === 0).length} on one, ${streams.filter((s) => s.server === 1).length} on the other)`
        : ''),
  );

  const agents = servers.map(() => new http.Agent({ keepAlive: true, maxSockets: SENDERS }));
  // A diffusion and a direct message, every delivery checked, before anything is timed: a broken
  // path is not fast (and the first sends load what the server caches).
  step = `${database}: warming up`;
  const warm = [
    await sendOne(servers[0]!, agents[0]!, keys, 'XG', true, undefined, 0),
    await sendOne(servers[serverCount - 1]!, agents[serverCount - 1]!, keys, 'FR', false, 'JO', 0),
  ];
  if (warm[0]!.recipients.length !== 196)
    throw new Error(`a diffusion from XG reached ${warm[0]!.recipients.length} bureaus, not 196`);
  const warmMissing = await waitForDeliveries(warm, arrivals, 10_000, 30_000);
  if (warmMissing > 0) throw new Error(`${warmMissing} deliveries of the warm-up messages never arrived`);

  step = `${database}: sending`;
  const rng = mulberry32(database === 'sqlite' ? 1 : 2);
  const sent: Sent[] = [];
  const errors: string[] = [];
  let n = 0;
  let diffusions = 0;
  const loadBefore = os.loadavg();
  const cpu0 = servers.map((s) => cpuSecondsOf(s.child.pid));
  const machine0 = machineCpuSeconds();
  const pg0 = database === 'postgres' ? postgresCpu() : undefined;
  const bench0 = process.cpuUsage();
  const windowStart = performance.now();
  const windowEnd = windowStart + SECONDS * 1000;
  const sender = async (s: number) => {
    const server = s % serverCount;
    while (performance.now() < windowEnd) {
      const k = n++;
      if (RATE) {
        const due = windowStart + (k * 1000) / RATE;
        if (due >= windowEnd) return;
        if (due > performance.now()) await sleep(due - performance.now());
      }
      const diffusion = k % DIFFUSION_EVERY === 0;
      let from: string;
      let to: string | undefined;
      if (diffusion) {
        // Rotating senders: every bureau in turn (the General Secretariat too).
        from = bureaus[(diffusions++ * 37) % bureaus.length]!;
      } else {
        from = bureaus[Math.floor(rng() * bureaus.length)]!;
        do to = bureaus[Math.floor(rng() * bureaus.length)]!;
        while (to === from);
      }
      try {
        sent.push(await sendOne(servers[server]!, agents[server]!, keys, from, diffusion, to, k));
      } catch (e) {
        errors.push((e as Error).message);
        if (errors.length > 20) throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, (_, s) => sender(s)));
  const windowS = (performance.now() - windowStart) / 1000;
  const windowBench = process.cpuUsage(bench0);
  const windowCpu = servers.map((s) => cpuSecondsOf(s.child.pid));
  const windowMachine = machineCpuSeconds();
  const pgWindow = pg0 ? postgresCpuSince(pg0, postgresCpu()) / windowS : undefined;
  step = `${database}: waiting for the last deliveries`;
  const drainStart = performance.now();
  const missing = await waitForDeliveries(sent, arrivals, DRAIN_IDLE_MS, DRAIN_MAX_MS);
  const drainS = (performance.now() - drainStart) / 1000;
  const elapsed = (performance.now() - windowStart) / 1000;
  const benchUsed = process.cpuUsage(bench0);
  const cpu1 = servers.map((s) => cpuSecondsOf(s.child.pid));
  const machine1 = machineCpuSeconds();
  const loadAfter = os.loadavg();
  const cores = (
    until: (number | undefined)[],
    bench: NodeJS.CpuUsage,
    machine: number | undefined,
    seconds: number,
  ) => {
    const server = servers.map((_, i) =>
      cpu0[i] !== undefined && until[i] !== undefined ? until[i]! - cpu0[i]! : Number.NaN,
    );
    const benchCpu = (bench.user + bench.system) / 1e6;
    const other =
      machine0 !== undefined && machine !== undefined
        ? Math.max(0, machine - machine0 - server.reduce((a, b) => a + b, 0) - benchCpu)
        : undefined;
    return {
      server: server.map((c) => c / seconds),
      bench: benchCpu / seconds,
      other: other === undefined ? undefined : other / seconds,
    };
  };
  const cpuWindow = cores(windowCpu, windowBench, windowMachine, windowS);
  const cpuAll = cores(cpu1, benchUsed, machine1, elapsed);

  // Figures: over every (message, recipient) pair.
  const diff = {
    accept: [] as number[],
    start: [] as number[],
    created: [] as number[],
    last: [] as number[],
  };
  const direct = { accept: [] as number[], start: [] as number[] };
  let expected = 0;
  let received = 0;
  let beforeAccept = 0;
  let outsiders = 0;
  for (const s of sent) {
    const got = arrivals.get(s.id);
    const allowed = new Set([...s.recipients, s.sender]);
    for (const b of got?.keys() ?? []) if (!allowed.has(b)) outsiders++;
    let last = 0;
    for (const b of s.recipients) {
      expected++;
      const at = got?.get(b);
      if (at === undefined) continue;
      received++;
      if (at < s.accepted) beforeAccept++;
      const fromAccept = Math.max(0, at - s.accepted);
      last = Math.max(last, fromAccept);
      if (s.diffusion) {
        diff.accept.push(fromAccept);
        diff.start.push(at - s.start);
        diff.created.push(wallMs(at) - s.createdAt);
      } else {
        direct.accept.push(fromAccept);
        direct.start.push(at - s.start);
      }
    }
    if (s.diffusion) diff.last.push(last);
  }
  // Whether any stream delivered an event with a lower id after a higher one (ids are assigned
  // at insert, so concurrent transactions may commit them out of order).
  let outOfOrder = 0;
  for (const st of streams) {
    let high = 0;
    for (const id of st.ids) {
      if (id < high) outOfOrder++;
      high = Math.max(high, id);
    }
  }
  const missingDetails: string[] = [];
  if (missing > 0) {
    // Grouped by message: which process's streams missed it, and when it was accepted.
    const eventIds = await eventIdsOf(url);
    const serverOf = new Map(streams.map((st) => [st.bureau, st.server]));
    for (const s of sent) {
      const got = arrivals.get(s.id);
      const lost = s.recipients.filter((b) => !got?.has(b));
      if (lost.length === 0 || missingDetails.length >= 12) continue;
      const perProcess = servers.map((_, i) => {
        const on = s.recipients.filter((b) => serverOf.get(b) === i);
        return `${on.filter((b) => !got?.has(b)).length}/${on.length}`;
      });
      missingDetails.push(
        `${s.diffusion ? 'diffusion' : 'direct message'} ${s.id} from ${s.sender} (event ${eventIds.get(s.id) ?? 'NOT IN events'}, ` +
          `accepted ${((s.accepted - windowStart) / 1000).toFixed(2)} s into the window): missed by ${lost.length} of ` +
          `${s.recipients.length} recipients${serverCount > 1 ? ` (per process: ${perProcess.join(', ')})` : ` (${lost.slice(0, 3).join(', ')})`}`,
      );
    }
  }
  for (const s of streams) s.close();

  step = `${database}: stopping the servers`;
  const logs = servers.map((s) => s.output());
  await stopAll();
  const serverWarnings = logs
    .flatMap((l) => l.split('\n'))
    .filter((l) => /"level":(40|50|60)/.test(l))
    .map((l) => l.slice(0, 400));
  const nDiff = sent.filter((s) => s.diffusion).length;
  return {
    database,
    servers: serverCount,
    seconds: windowS,
    accepted: sent.length,
    acceptedPerS: sent.length / windowS,
    diffusions: nDiff,
    directs: sent.length - nDiff,
    errors,
    sendToAccept: summary(sent.map((s) => s.accepted - s.start)),
    diffusion: summary(diff.accept),
    diffusionFromStart: summary(diff.start),
    diffusionFromCreated: summary(diff.created),
    diffusionLast: summary(diff.last),
    direct: summary(direct.accept),
    directFromStart: summary(direct.start),
    beforeAccept,
    expected,
    received,
    missing,
    duplicates: counters.duplicates,
    outsiders,
    streamErrors: counters.streamErrors.slice(0, 5),
    cpuWindow,
    cpuAll,
    pgWindow,
    outOfOrder,
    missingDetails,
    load: { before: loadBefore, after: loadAfter },
    drainSeconds: drainS,
    serverWarnings,
  };
}

function show(r: RunResult) {
  const name = `${r.database}${r.servers > 1 ? ` (${r.servers} processes)` : ''}`;
  console.log(
    `${name}: ${r.seconds.toFixed(1)} s, ${SENDERS} senders${RATE ? ` paced at ${RATE}/s` : ''}, one message in ` +
      `${DIFFUSION_EVERY} a diffusion to all bureaus: ${round(r.acceptedPerS, 1)} messages/s accepted ` +
      `(${r.diffusions} diffusions = ${round(r.diffusions / r.seconds, 1)}/s, ${r.directs} direct), ` +
      `send→201 ${fmt(r.sendToAccept)}; ${r.errors.length} refused`,
  );
  console.log(
    `  diffusion, 201→arrival over ${r.diffusion.n} deliveries: ${fmt(r.diffusion)}; ` +
      `send→arrival ${fmt(r.diffusionFromStart)}; server createdAt→arrival p50 ${r.diffusionFromCreated.p50} ms, ` +
      `p99 ${r.diffusionFromCreated.p99} ms; until the last recipient ${fmt(r.diffusionLast)}`,
  );
  console.log(
    `  direct, 201→arrival over ${r.direct.n} deliveries: ${fmt(r.direct)}; send→arrival ${fmt(r.directFromStart)}`,
  );
  console.log(
    `  deliveries: ${r.expected} expected, ${r.received} received (${r.beforeAccept} before the sender read the 201), ` +
      `${r.missing} missing, ${r.duplicates} duplicates, ${r.outsiders} to bureaus neither recipient nor sender; ` +
      `last ones in ${r.drainSeconds.toFixed(1)} s after the window`,
  );
  const cpu = (c: RunResult['cpuWindow']) =>
    `server${r.servers > 1 ? 's' : ''} ${c.server.map((x) => round(x, 2)).join(' + ')} cores, bench process ` +
    `${round(c.bench, 2)}, other processes ${c.other === undefined ? '?' : round(c.other, 2)}`;
  console.log(
    `  CPU while sending: ${cpu(r.cpuWindow)} (of ${os.cpus().length} cores)` +
      (r.pgWindow === undefined ? '' : `, of which PostgreSQL processes ${round(r.pgWindow, 2)}`) +
      `; with the drain: ${cpu(r.cpuAll)}; ` +
      `load average ${r.load.before.map((x) => x.toFixed(1)).join(' ')} before, ` +
      `${r.load.after.map((x) => x.toFixed(1)).join(' ')} after (the machine is shared with other work)`,
  );
  if (r.outOfOrder > 0) console.log(`  events delivered after one with a higher id: ${r.outOfOrder}`);
  for (const m of r.missingDetails) console.log(`  MISSING: ${m}`);
  for (const e of r.errors.slice(0, 3)) console.log(`  REFUSED: ${e}`);
  for (const e of r.streamErrors) console.log(`  STREAM: ${e}`);
  if (r.serverWarnings.length > 0) {
    console.log(`  server logged ${r.serverWarnings.length} warnings or errors; the last ones:`);
    for (const l of r.serverWarnings.slice(-3)) console.log(`    ${l}`);
  }
}

const failed = (r: RunResult) =>
  r.missing > 0 || r.duplicates > 0 || r.outsiders > 0 || r.errors.length > 0 || r.streamErrors.length > 0;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-messaging-bench-'));
  if (PROFILE_DIR) fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const c of cleanups.reverse())
      await c().catch((e) => console.error(`clean-up: ${(e as Error).message}`));
    cleanups.length = 0;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const onExit = (code: number) => {
    if (step !== 'done')
      console.error(
        `the benchmark stopped unfinished (exit code ${process.exitCode ?? code}) during: ${step}`,
      );
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const results: Record<string, RunResult> = {};
  try {
    console.log(
      `messaging: 197 event streams, ${SENDERS} senders for ${SECONDS} s per database, one message in ${DIFFUSION_EVERY} ` +
        `a diffusion to all bureaus; ${os.cpus().length} cores, load average ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')} at the start`,
    );
    for (const database of DATABASES) {
      if (database !== 'sqlite' && database !== 'postgres') throw new Error(`unknown database ${database}`);
      const r = await run(database, dir, cleanups);
      results[database] = r;
      show(r);
    }
  } finally {
    await cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const s = results.sqlite;
  const p = results.postgres;
  const bad = Object.values(results).filter(failed);
  if (bad.length > 0) {
    console.log(
      `FAILED on ${bad.map((r) => r.database).join(', ')}: missing, duplicate or misdirected deliveries, refused sends or broken streams`,
    );
    process.exitCode = 1;
  }
  const goal = Object.values(results).every((r) => r.diffusion.p99 < 1000);
  console.log(`goal p99 < 1000 ms for a diffusion to all: ${goal ? 'met' : 'MISSED'}`);
  console.log(
    JSON.stringify({
      accepted_per_s: s ? round(s.acceptedPerS, 1) : null,
      diffusion_p50_ms: s?.diffusion.p50 ?? null,
      diffusion_p99_ms: s?.diffusion.p99 ?? null,
      pg_diffusion_p99_ms: p?.diffusion.p99 ?? null,
      pg_accepted_per_s: p ? round(p.acceptedPerS, 1) : null,
      pg_diffusion_p50_ms: p?.diffusion.p50 ?? null,
      direct_p50_ms: s?.direct.p50 ?? null,
      direct_p99_ms: s?.direct.p99 ?? null,
      pg_direct_p99_ms: p?.direct.p99 ?? null,
      diffusions_per_s: s ? round(s.diffusions / s.seconds, 1) : null,
      pg_diffusions_per_s: p ? round(p.diffusions / p.seconds, 1) : null,
      missing: s?.missing ?? null,
      pg_missing: p?.missing ?? null,
      failed: bad.length > 0,
      server_cores: s ? round(s.cpuWindow.server[0]!, 2) : null,
      pg_server_cores: p ? p.cpuWindow.server.map((c) => round(c, 2)) : null,
      bench_cores: s ? round(s.cpuWindow.bench, 2) : null,
      other_cores: s?.cpuWindow.other === undefined ? null : round(s.cpuWindow.other, 2),
      pg_other_cores: p?.cpuWindow.other === undefined ? null : round(p.cpuWindow.other, 2),
      pg_postgres_cores: p?.pgWindow === undefined ? null : round(p.pgWindow, 2),
      seconds: SECONDS,
      senders: SENDERS,
      diffusion_every: DIFFUSION_EVERY,
      rate: RATE ?? null,
    }),
  );
  step = 'done';
}

await main();
