// `npm run bench -- import`: imports 1,000,000 stolen travel documents (CSV, the `meridian import`
// code path: parse, validate, normalise, index, write in one all-or-nothing transaction) into a
// fresh SQLite file with synchronous=FULL, and reports rows per second. As a reference measured
// in the same run, it also times plain prepared INSERTs of the same rows into a bare table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { runImportCommand } from '../src/modules/records/bulk/import.cli.js';
import { closeContext, createContext } from '../src/platform/context-factory.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const TYPES = ['passport', 'identity_card', 'visa', 'residence_permit'];
const STATUSES = ['stolen_blank', 'stolen_issued', 'lost', 'revoked'];
const ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** Deterministic pseudo-random document numbers: the same file every run. */
function* documents(n: number) {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let i = 0; i < n; i++) {
    let number = '';
    for (let k = 0; k < 9; k++) number += ALNUM[rnd() % ALNUM.length];
    yield { reference: `FR-SLTD-${i}`, number, type: TYPES[i % 4]!, status: STATUSES[(i >> 2) % 4]! };
  }
}

function writeCsv(file: string) {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'reference,documentNumber,issuingCountry,type,status\n');
  let buf = '';
  for (const d of documents(ROWS)) {
    buf += `${d.reference},${d.number},FR,${d.type},${d.status}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

function rawInsertRate(file: string): number {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'create table docs (reference text primary key, number text, country text, type text, status text)',
  );
  const insert = db.prepare('insert into docs values (?, ?, ?, ?, ?)');
  const started = process.hrtime.bigint();
  db.transaction(() => {
    for (const d of documents(ROWS)) insert.run(d.reference, d.number, 'FR', d.type, d.status);
  })();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return Math.round(ROWS / seconds);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-import-bench-'));
  try {
    const csv = path.join(dir, 'sltd.csv');
    writeCsv(csv);
    console.log(`${ROWS} rows, ${(fs.statSync(csv).size / 1e6).toFixed(0)} MB of CSV`);

    const ctx = await createContext(
      loadConfig({
        MERIDIAN_DATABASE_URL: path.join(dir, 'meridian.db'),
        MERIDIAN_KEY_FILE: path.join(dir, 'k'),
      }),
    );
    let outcome: Awaited<ReturnType<typeof runImportCommand>>;
    const started = process.hrtime.bigint();
    try {
      outcome = await runImportCommand(ctx, 'travel_documents', csv, {
        bureau: 'FR',
        mode: 'all_or_nothing',
        restriction: 'everyone',
        handling: 'official',
        purpose: 'Stolen and lost travel documents reported to the French NCB',
        reliability: 'A',
        accuracy: '1',
      });
    } finally {
      await closeContext(ctx);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (outcome.status !== 'done' || outcome.created !== ROWS) {
      throw new Error(
        `import did not take every row: ${JSON.stringify({ ...outcome, rows: outcome.rows.slice(0, 3) })}`,
      );
    }
    const rowsPerSecond = Math.round(ROWS / seconds);
    console.log(`meridian import: ${ROWS} rows in ${seconds.toFixed(1)} s = ${rowsPerSecond} rows/s`);

    const raw = rawInsertRate(path.join(dir, 'raw.db'));
    console.log(`plain INSERT into a bare table (reference only): ${raw} rows/s`);
    console.log(
      JSON.stringify({
        rows: ROWS,
        rows_per_s: rowsPerSecond,
        raw_insert_rows_per_s: raw,
        ratio_to_raw: Math.round((rowsPerSecond / raw) * 100) / 100,
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
