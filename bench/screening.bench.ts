// `npm run bench -- screening`: the border screening API under load, over HTTP on this machine.
// Builds a fresh SQLite database through the `meridian import` code path: 1,000,000 stolen or lost
// travel documents (each owned and issued by one of several bureaus) and 100,000 persons of the
// nominal database; creates a French border unit with the screening capability and an API key
// bound to it (France owns none of the data, so every hit is reported to another bureau); starts
// the built server (`node dist/src/main.js serve`) as a child; and drives it with autocannon:
//   floor      GET /health/live: what this server answers on a trivial route, in the same run;
//   single     POST /api/v1/screening/documents, one document per call (1% known, 99% unknown);
//   batch      the same, 100 documents per call;
//   traveller  POST /api/v1/screening/travellers, one document and one person per call.
// Knobs: BENCH_DOCUMENTS, BENCH_PERSONS, BENCH_SECONDS (per phase), BENCH_WARMUP (seconds before
// each phase, not measured), BENCH_CONNECTIONS, BENCH_HIT_EVERY (default 1000), BENCH_PHASES (a subset, for profiling). The last
// line is one JSON object.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { createApiKey } from '../src/modules/identity/apikeys.service.js';
import { syntheticPersons } from '../src/modules/matching/eval/population.js';
import { mulberry32 } from '../src/modules/matching/eval/rng.js';
import { readPairs } from '../src/modules/matching/evaluation.js';
import { runImportCommand } from '../src/modules/records/bulk/import.cli.js';
import type { PersonFacts } from '../src/modules/records/catalogue/catalogue.types.js';
import { insertUnit, newUnitRow } from '../src/modules/units/units.store.js';
import { closeContext, createContext } from '../src/platform/context-factory.js';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1_000_000);
const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const BATCH = 100;
/**
 * One item in HIT_EVERY is a known document (a hit); the others are unknown. Border checks hit
 * far less often than one in a thousand; BENCH_HIT_EVERY=100 shows the cost of a hit-heavy load.
 */
const HIT_EVERY = Number(process.env.BENCH_HIT_EVERY ?? 1000);
/** One traveller in PERSON_EVERY is a recorded person (name, date of birth, nationality). */
const PERSON_EVERY = 10;

/** Owners of the data; the border key belongs to FR, which owns none of it. */
const OWNERS = ['JO', 'BR', 'DE', 'EG', 'MA', 'NG', 'US', 'GB'];
const SCREENING_BUREAU = 'FR';
const UNKNOWN_COUNTRIES = [...OWNERS, 'FR', 'IT', 'ES', 'TR'];
const TYPES = ['passport', 'identity_card', 'visa', 'residence_permit'];
const STATUSES = ['stolen_blank', 'stolen_issued', 'lost', 'revoked'];
/** Persons a border acts on (and two it does not, whose records must not be hits). */
const PERSON_STATUSES = ['wanted', 'missing', 'suspect', 'person_of_interest', 'wanted', 'witness', 'victim'];
const ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainJs = path.join(root, 'dist', 'src', 'main.js');

/** What the benchmark is doing, named if it stops unexpectedly. */
let step = 'starting';

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

interface Doc {
  number: string;
  issuingCountry: string;
}

interface Traveller {
  name: string;
  dateOfBirth?: string;
  nationality?: string;
}

// ---------------------------------------------------------------------------------------------
// Data

/** Writes a CSV in 1 MB pieces. */
function csvWriter(file: string, header: string) {
  const fd = fs.openSync(file, 'w');
  let buf = `${header}\n`;
  return {
    line(s: string) {
      buf += `${s}\n`;
      if (buf.length > 1 << 20) {
        fs.writeSync(fd, buf);
        buf = '';
      }
    },
    close() {
      fs.writeSync(fd, buf);
      fs.closeSync(fd);
    },
  };
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** Owner i of n shares: how many rows each bureau gets. */
const shareOf = (total: number, i: number) =>
  Math.floor(total / OWNERS.length) + (i < total % OWNERS.length ? 1 : 0);

/**
 * The travel documents, one CSV per owner; deterministic pseudo-random numbers (the same files
 * every run). Returns a sample of them, spread over every owner, to be looked up as hits.
 */
function writeDocumentCsvs(dir: string): {
  files: { bureau: string; file: string; rows: number }[];
  known: Doc[];
} {
  // mulberry32, not `(seed * 1103515245 + 12345) & 0x7fffffff`: that product passes 2^53, loses its
  // low bits and cycles within about 16,000 steps (a million numbers would be 11,000 distinct ones).
  const rng = mulberry32(42);
  const keepEvery = Math.max(1, Math.floor(DOCUMENTS / 20_000));
  const known: Doc[] = [];
  const files = OWNERS.map((bureau, b) => {
    const file = path.join(dir, `documents-${bureau}.csv`);
    const out = csvWriter(file, 'reference,documentNumber,issuingCountry,type,status');
    const rows = shareOf(DOCUMENTS, b);
    for (let i = 0; i < rows; i++) {
      let number = '';
      for (let k = 0; k < 9; k++) number += ALNUM[Math.floor(rng() * ALNUM.length)];
      out.line(`${bureau}-SLTD-${i},${number},${bureau},${TYPES[i % 4]},${STATUSES[(i >> 2) % 4]}`);
      if (i % keepEvery === 0) known.push({ number, issuingCountry: bureau });
    }
    out.close();
    return { bureau, file, rows };
  });
  return { files, known };
}

/** Names like the matcher benchmark's: ar2en words and common Arabic names (needs ../shared/testdata). */
function personSource(seed: number): (count: number) => Iterable<PersonFacts> {
  const names = process.env.MERIDIAN_NAMES_DIR ?? path.resolve(root, '..', 'shared', 'testdata', 'names');
  const pairs = readPairs(path.join(names, 'ar2en-train.txt'));
  return (count) => syntheticPersons(pairs, count, seed);
}

/** The persons, one CSV per owner. Returns a sample of those a border acts on, to be looked up. */
function writePersonCsvs(dir: string): {
  files: { bureau: string; file: string; rows: number }[];
  known: Traveller[];
} {
  const header = 'reference,names.0.written,sex,dateOfBirth,nationalities,status';
  const outs = OWNERS.map((bureau) => ({
    bureau,
    file: path.join(dir, `persons-${bureau}.csv`),
    rows: 0,
  }));
  const writers = outs.map((o) => csvWriter(o.file, header));
  const keepEvery = Math.max(1, Math.floor(PERSONS / 5_000));
  const known: Traveller[] = [];
  let i = 0;
  for (const p of personSource(7)(PERSONS)) {
    const b = i % OWNERS.length;
    const status = PERSON_STATUSES[i % PERSON_STATUSES.length]!;
    const name = p.names[0]!;
    writers[b]!.line(
      [
        `${OWNERS[b]}-NOM-${outs[b]!.rows++}`,
        csvCell(name),
        p.sex ?? '',
        p.dateOfBirth ?? '',
        (p.nationalities ?? []).join(';'),
        status,
      ].join(','),
    );
    if (i % keepEvery === 0 && status !== 'witness' && status !== 'victim') {
      known.push({ name, dateOfBirth: p.dateOfBirth, nationality: p.nationalities?.[0] });
    }
    i++;
  }
  for (const w of writers) w.close();
  return { files: outs, known };
}

async function importAll(
  ctx: AppContext,
  database: string,
  files: { bureau: string; file: string; rows: number }[],
  envelope: { purpose: string; legalBasis?: string },
) {
  for (const f of files) {
    if (f.rows === 0) continue;
    step = `importing ${f.rows} ${database} records of ${f.bureau}`;
    const outcome = await runImportCommand(ctx, database, f.file, {
      bureau: f.bureau,
      mode: 'all_or_nothing',
      restriction: 'everyone',
      handling: 'official',
      reliability: 'A',
      accuracy: '1',
      ...envelope,
    });
    if (outcome.status !== 'done' || outcome.created !== f.rows) {
      throw new Error(
        `import of ${f.file} did not take every row: ${JSON.stringify({ ...outcome, rows: outcome.rows.slice(0, 3) })}`,
      );
    }
  }
}

/** Builds the database and the border key; returns the key and what can be looked up as hits. */
async function buildData(dir: string, env: Record<string, string>) {
  const started = process.hrtime.bigint();
  step = 'writing the CSV files';
  const docs = writeDocumentCsvs(dir);
  const persons = writePersonCsvs(dir);
  const csvSeconds = seconds(started);
  const ctx = await createContext(loadConfig(env));
  let key: string;
  let importSeconds: { documents: number; persons: number };
  try {
    let t = process.hrtime.bigint();
    await importAll(ctx, 'travel_documents', docs.files, {
      purpose: 'Stolen and lost travel documents for border screening',
    });
    const documentSeconds = seconds(t);
    t = process.hrtime.bigint();
    await importAll(ctx, 'nominal', persons.files, {
      purpose: 'Persons sought across borders',
      legalBasis: 'Benchmark data: national arrest warrants and missing-person reports',
    });
    importSeconds = { documents: documentSeconds, persons: seconds(t) };
    step = 'creating the border unit and its API key';
    const unit = newUnitRow(SCREENING_BUREAU, {
      name: 'Benchmark border post',
      kind: 'border_post',
      capabilities: ['screening'],
    });
    await insertUnit(ctx.db, unit);
    key = (
      await createApiKey(
        ctx,
        null,
        SCREENING_BUREAU,
        { name: 'Benchmark e-gates', unitId: unit.id, capabilities: ['screening'] },
        {},
      )
    ).key;
  } finally {
    step = 'closing the database after the build';
    await closeContext(ctx);
  }
  for (const f of [...docs.files, ...persons.files]) fs.rmSync(f.file, { force: true });
  return {
    key,
    knownDocs: docs.known,
    knownPersons: persons.known,
    buildSeconds: seconds(started),
    csvSeconds,
    importSeconds,
  };
}

// ---------------------------------------------------------------------------------------------
// Request bodies, built before the run and cycled through

function unknownDocs(seed: number) {
  const rng = mulberry32(seed);
  return (): Doc => {
    let number = '';
    for (let k = 0; k < 9; k++) number += ALNUM[Math.floor(rng() * ALNUM.length)];
    return { number, issuingCountry: UNKNOWN_COUNTRIES[Math.floor(rng() * UNKNOWN_COUNTRIES.length)]! };
  };
}

/** Document items: item k is a known document when k % HIT_EVERY === 0. */
function documentItems(known: Doc[], count: number, seed: number) {
  const unknown = unknownDocs(seed);
  const items: (Doc & { type: string })[] = [];
  for (let k = 0; k < count; k++) {
    const d = k % HIT_EVERY === 0 ? known[(k / HIT_EVERY) % known.length]! : unknown();
    items.push({ ...d, type: 'passport' });
  }
  return items;
}

function travellerItems(knownDocs: Doc[], knownPersons: Traveller[], count: number) {
  const docs = documentItems(knownDocs, count, 99);
  const strangers = personSource(12345)(count)[Symbol.iterator]();
  const items: { document: Doc; person: Traveller }[] = [];
  for (let k = 0; k < count; k++) {
    const stranger = strangers.next().value as PersonFacts;
    const person: Traveller =
      k % PERSON_EVERY === 1 && knownPersons.length > 0
        ? knownPersons[Math.floor(k / PERSON_EVERY) % knownPersons.length]!
        : {
            name: stranger.names[0]!,
            dateOfBirth: stranger.dateOfBirth,
            nationality: stranger.nationalities?.[0],
          };
    const { type: _type, ...document } = docs[k]!;
    items.push({ document, person });
  }
  return items;
}

const bodyOf = (items: unknown[]) => Buffer.from(JSON.stringify({ items }));

// ---------------------------------------------------------------------------------------------
// The server

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

interface Server {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  if (!fs.existsSync(mainJs)) throw new Error(`${mainJs} is missing: run \`npm run build:server\` first`);
  const port = await freePort();
  let output = '';
  // BENCH_SERVER_NODE_ARGS: options for the server's node only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, mainJs, 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      MERIDIAN_PORT: String(port),
      MERIDIAN_HOST: '127.0.0.1',
      MERIDIAN_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      MERIDIAN_DEMO: '0',
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
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`server was not ready within 120 s: ${output}`);
    }
    const ready = await fetch(`${server.url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready && output.includes('API documentation:')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return server;
}

/** A gauge of the server's /metrics, or undefined. */
async function metric(url: string, name: string): Promise<number | undefined> {
  const text = await fetch(`${url}/metrics`).then((r) => r.text());
  const m = new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The person index loads in the background after the server listens: wait until it holds them all. */
async function waitForPersonIndex(url: string, persons: number) {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const held = (await metric(url, 'meridian_person_index_persons')) ?? 0;
    if (held >= persons)
      return { persons: held, loadSeconds: await metric(url, 'meridian_person_index_load_seconds') };
    if (Date.now() > deadline)
      throw new Error(`the person index holds ${held} of ${persons} persons after 600 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** CPU seconds the process has used (Linux), to see whether the server saturates a core. */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in 1/100 s
  } catch {
    return undefined;
  }
}

/** CPU seconds the whole machine has been busy (Linux), to see what other processes took. */
function machineCpuSeconds(): number | undefined {
  try {
    const cpu = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    // user nice system idle iowait irq softirq steal: all but idle and iowait, in 1/100 s
    return (cpu[0]! + cpu[1]! + cpu[2]! + cpu[5]! + cpu[6]! + cpu[7]!) / 100;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Phases

interface Phase {
  name: string;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  result: Result;
  serverCpu?: number;
  clientCpu: number;
  /** CPU seconds the machine spent on neither the server nor this process. */
  otherCpu?: number;
  /** Hits the server recorded for owners during the phase, by database. */
  hits?: Record<string, number>;
}

function percentile(sorted: Float64Array, p: number) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(
  server: Server,
  name: string,
  request: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; bodies?: Buffer[] },
  duration: number,
  /** Requests per second for all connections together (paced); absent: as fast as answered. */
  rate?: number,
): Promise<Phase> {
  let next = 0;
  const bodies = request.bodies;
  const requests = bodies
    ? [
        {
          method: request.method,
          path: request.path,
          headers: request.headers,
          setupRequest: (r: { body?: string | Buffer }) => {
            r.body = bodies[next++ % bodies.length]!;
            return r;
          },
        },
      ]
    : [{ method: request.method, path: request.path, headers: request.headers }];
  // Response times to the microsecond (autocannon's own histogram keeps whole milliseconds).
  let times = new Float64Array(1 << 16);
  let n = 0;
  const serverCpu = cpuSecondsOf(server.child.pid);
  const machineCpu = machineCpuSeconds();
  const clientCpu = process.cpuUsage();
  const instance = autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration,
    timeout: 30,
    requests,
    ...(rate ? { overallRate: rate } : {}),
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status < 200 || status >= 300) return;
    if (n === times.length) {
      const grown = new Float64Array(times.length * 2);
      grown.set(times);
      times = grown;
    }
    times[n++] = ms;
  });
  const result = await instance;
  const used = process.cpuUsage(clientCpu);
  const after = cpuSecondsOf(server.child.pid);
  const machineAfter = machineCpuSeconds();
  const sorted = times.slice(0, n).sort();
  return {
    name,
    perSecond: result.requests.average,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    // A phase where nothing was answered (every call still waiting at the end) failed too.
    errors:
      result.non2xx +
      result.errors +
      result.timeouts +
      (result['2xx'] === 0 ? Math.max(1, result.requests.sent - result.requests.total) : 0),
    result,
    serverCpu: serverCpu !== undefined && after !== undefined ? after - serverCpu : undefined,
    clientCpu: (used.user + used.system) / 1e6,
    otherCpu:
      serverCpu !== undefined && after !== undefined && machineCpu !== undefined && machineAfter !== undefined
        ? Math.max(0, machineAfter - machineCpu - (after - serverCpu) - (used.user + used.system) / 1e6)
        : undefined,
  };
}

function show(p: Phase, unit = 'requests/s') {
  const r = p.result;
  const cpu =
    p.serverCpu !== undefined
      ? `, server CPU ${round(p.serverCpu / r.duration, 2)} cores (${round((p.serverCpu / (r.requests.average * r.duration)) * 1e3, 3)} ms per request), bench process ${round(p.clientCpu / r.duration, 2)} cores` +
        (p.otherCpu !== undefined
          ? `, other processes ${round(p.otherCpu / r.duration, 2)} cores of ${os.cpus().length}`
          : '')
      : '';
  console.log(
    `${p.name.padEnd(9)} ${round(p.perSecond)} ${unit}, latency p50 ${round(p.p50Ms, 2)} ms, p99 ${round(p.p99Ms, 2)} ms ` +
      `(autocannon: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms), ` +
      `${r.non2xx} non-2xx${cpu}`,
  );
  if (p.errors > 0) {
    console.log(
      `${p.name.padEnd(9)} ERRORS: ${r.non2xx} non-2xx, ${r.errors} connection errors, ${r.timeouts} timeouts` +
        `${r['2xx'] === 0 ? `, NO call answered (${r.requests.sent - r.requests.total} still waiting)` : ''}; ` +
        `status codes ${JSON.stringify(r.statusCodeStats)}`,
    );
  }
  if (p.hits && Object.keys(p.hits).length > 0) {
    const total = Object.values(p.hits).reduce((a, b) => a + b, 0);
    const calls = r.requests.average * r.duration;
    console.log(
      `${''.padEnd(9)} hits reported to owners: ${total} (${round(total / calls, 2)} per call) ${JSON.stringify(p.hits)}`,
    );
  }
}

/** One call answered as the contract says, before the route is timed: a broken route is not fast. */
async function verify(
  server: Server,
  path: string,
  key: string,
  body: Buffer,
  expect: { checked: number; minHits: number },
) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: new Uint8Array(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${text.slice(0, 500)}`);
  const answer = JSON.parse(text) as {
    summary?: { checked: number; hits: number; noHits: number; invalid: number };
    items?: { status: string; hits?: { ownerBureau: string; access: string }[] }[];
  };
  const s = answer.summary;
  if (!s || s.checked !== expect.checked || s.invalid !== 0 || answer.items?.length !== expect.checked) {
    throw new Error(`${path} answered an unexpected shape: ${text.slice(0, 500)}`);
  }
  if (s.hits < expect.minHits) {
    throw new Error(
      `${path} found ${s.hits} hits where ${expect.minHits} were expected: ${text.slice(0, 500)}`,
    );
  }
  const hit = answer.items.find((i) => i.status === 'hit')?.hits?.[0];
  if (hit && hit.ownerBureau === SCREENING_BUREAU)
    throw new Error(`a hit on the screening bureau's own record`);
  return s;
}

/** What the run left in the database: hits reported to owners, audit events of the checks. */
function afterwards(file: string) {
  const db = new SQLite(file, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const byDatabase = db
      .prepare('select database_id as database, count(*) as n from hits group by database_id order by n desc')
      .all() as { database: string; n: number }[];
    return {
      screening_audit_events: count(
        `select count(*) as n from audit_events where action = 'screening.check'`,
      ),
      hits_reported: count('select count(*) as n from hits'),
      hits_by_database: Object.fromEntries(byDatabase.map((r) => [r.database, r.n])),
    };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-screening-bench-'));
  const dbFile = path.join(dir, 'meridian.db');
  const env = { MERIDIAN_DATABASE_URL: dbFile, MERIDIAN_KEY_FILE: path.join(dir, 'meridian.key') };
  let server: Server | undefined;
  const cleanUp = async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // An exit without the finally below (a promise that never settles empties the event loop:
  // exit code 13) still stops the server and removes the data.
  const onExit = (code: number) => {
    if (step !== 'done')
      console.error(
        `the benchmark stopped unfinished (exit code ${process.exitCode ?? code}) during: ${step}`,
      );
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.log(
      `building ${DOCUMENTS} travel documents and ${PERSONS} persons (owners ${OWNERS.join(', ')}) in ${dir}`,
    );
    const data = await buildData(dir, env);
    console.log(
      `data built in ${data.buildSeconds.toFixed(1)} s (CSV ${data.csvSeconds.toFixed(1)} s, import of documents ` +
        `${data.importSeconds.documents.toFixed(1)} s = ${round(DOCUMENTS / data.importSeconds.documents)} rows/s, ` +
        `of persons ${data.importSeconds.persons.toFixed(1)} s); database ${(fs.statSync(dbFile).size / 1e6).toFixed(0)} MB`,
    );

    const singles = documentItems(data.knownDocs, 50_000, 1).map((d) => bodyOf([d]));
    const batchItems = documentItems(data.knownDocs, 1_000 * BATCH, 2);
    const batches = Array.from({ length: 1_000 }, (_, i) =>
      bodyOf(batchItems.slice(i * BATCH, (i + 1) * BATCH)),
    );
    const travellers = travellerItems(data.knownDocs, data.knownPersons, 50_000).map((t) => bodyOf([t]));

    let started = process.hrtime.bigint();
    step = 'starting the server';
    server = await startServer(env);
    const serverStart = seconds(started);
    started = process.hrtime.bigint();
    step = 'waiting for the person index';
    const index = await waitForPersonIndex(server.url, PERSONS);
    console.log(
      `server ready in ${serverStart.toFixed(1)} s; person index: ${index.persons} persons, loaded in ` +
        `${index.loadSeconds?.toFixed(1)} s by the server (${seconds(started).toFixed(1)} s after ready)`,
    );

    const auth = { authorization: `Bearer ${data.key}`, 'content-type': 'application/json' };
    const docsPath = '/api/v1/screening/documents';
    const travellersPath = '/api/v1/screening/travellers';
    step = 'checking answers';
    await verify(server, docsPath, data.key, singles[0]!, { checked: 1, minHits: 1 });
    await verify(server, docsPath, data.key, singles[1]!, { checked: 1, minHits: 0 });
    await verify(server, docsPath, data.key, batches[0]!, { checked: BATCH, minHits: 1 });
    await verify(server, travellersPath, data.key, travellers[0]!, { checked: 1, minHits: 1 });
    const personHit = await verify(server, travellersPath, data.key, travellers[1]!, {
      checked: 1,
      minHits: 1,
    });
    console.log(
      `checked answers: a known document is a hit, an unknown one is not, a recorded person is a hit (${JSON.stringify(personHit)})`,
    );

    const phases = {
      floor: { method: 'GET' as const, path: '/health/live' },
      single: { method: 'POST' as const, path: docsPath, headers: auth, bodies: singles },
      batch: { method: 'POST' as const, path: docsPath, headers: auth, bodies: batches },
      traveller: { method: 'POST' as const, path: travellersPath, headers: auth, bodies: travellers },
    };
    console.log(`${CONNECTIONS} connections, ${WARMUP} s warm-up then ${SECONDS} s per phase`);
    const results: Record<string, Phase> = {};
    // The server's hits, counted from a read-only connection to its database between phases.
    const reader = new SQLite(dbFile, { readonly: true });
    const hitCounts = () =>
      new Map(
        (
          reader.prepare('select database_id as d, count(*) as n from hits group by database_id').all() as {
            d: string;
            n: number;
          }[]
        ).map((r) => [r.d, r.n]),
      );
    // BENCH_PHASES=single,batch runs only those (for profiling one path); the JSON needs all four.
    const only = process.env.BENCH_PHASES?.split(',');
    for (const [name, request] of Object.entries(phases)) {
      if (only && !only.includes(name)) continue;
      step = `phase ${name}`;
      if (WARMUP > 0) await load(server, name, request, WARMUP);
      const before = hitCounts();
      const phase = await load(server, name, request, SECONDS);
      phase.hits = Object.fromEntries(
        [...hitCounts()].map(([d, n]) => [d, n - (before.get(d) ?? 0)]).filter(([, n]) => Number(n) > 0),
      );
      results[name] = phase;
      show(
        phase,
        name === 'batch' ? `requests/s (x${BATCH} = ${round(phase.perSecond * BATCH)} checks/s)` : undefined,
      );
      if (server.child.exitCode !== null)
        throw new Error(`the server exited during ${name}: ${server.output()}`);
      if (name === 'single') {
        // Latency at saturation is mostly waiting in line (64 calls in flight); the same checks
        // paced at half the rate just measured show what a check costs a border post in time.
        step = 'phase single at half rate';
        const paced = await load(server, 'single½', request, SECONDS, Math.round(phase.perSecond / 2));
        results.single_paced = paced;
        show(paced);
      }
    }
    await verify(server, docsPath, data.key, singles[0]!, { checked: 1, minHits: 1 });

    reader.close();
    step = 'stopping the server';
    const log = server.output();
    await server.stop();
    const problems = log.split('\n').filter((l) => /"level":(40|50|60)/.test(l));
    if (problems.length > 0) {
      console.log(`server logged ${problems.length} warnings or errors; the last ones:`);
      for (const l of problems.slice(-5)) console.log(`  ${l.slice(0, 400)}`);
    }
    const left = afterwards(dbFile);
    console.log(`afterwards: ${JSON.stringify(left)}`);

    const errorsByPhase = Object.fromEntries(Object.entries(results).map(([k, p]) => [k, p.errors]));
    const errors = Object.values(errorsByPhase).reduce((a, b) => a + b, 0);
    if (errors > 0) console.log(`ERRORS in the run: ${JSON.stringify(errorsByPhase)}`);
    if (only) return; // a subset (profiling): the figures above, no summary line
    const floor = results.floor!;
    const single = results.single!;
    console.log(
      JSON.stringify({
        single_per_s: round(single.perSecond),
        single_p50_ms: round(single.p50Ms, 2),
        single_p99_ms: round(single.p99Ms, 2),
        floor_per_s: round(floor.perSecond),
        single_ratio: round(single.perSecond / floor.perSecond, 2),
        batch_checks_per_s: round(results.batch!.perSecond * BATCH),
        traveller_per_s: round(results.traveller!.perSecond),
        traveller_p99_ms: round(results.traveller!.p99Ms, 2),
        batch_p99_ms: round(results.batch!.p99Ms, 2),
        single_paced_per_s: round(results.single_paced!.perSecond),
        single_paced_p50_ms: round(results.single_paced!.p50Ms, 2),
        single_paced_p99_ms: round(results.single_paced!.p99Ms, 2),
        errors,
        errors_by_phase: errorsByPhase,
        other_processes_cores: Object.fromEntries(
          Object.entries(results).map(([k, p]) => [
            k,
            p.otherCpu === undefined ? null : round(p.otherCpu / p.result.duration, 2),
          ]),
        ),
        documents: DOCUMENTS,
        persons: PERSONS,
        build_s: round(data.buildSeconds, 1),
        connections: CONNECTIONS,
        hit_every: HIT_EVERY,
        seconds_per_phase: SECONDS,
        ...left,
      }),
    );
    step = 'done';
  } catch (e) {
    if (server) console.error(`server output (last part):\n${server.output().slice(-4000)}`);
    throw e;
  } finally {
    await cleanUp();
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

await main();
