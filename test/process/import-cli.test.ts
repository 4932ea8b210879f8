// `meridian import` and `meridian export` on the built server: a file large enough to be
// prepared in the worker thread, a per-row report, exit codes a script can branch on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/connect.js';
import { runCli } from '../support/server-process.js';
import { createTestDatabaseUrl } from '../support/test-db.js';

let env: Record<string, string>;
let url: string;
let drop: () => Promise<void>;
let dir: string;
const ROWS = 30_000; // about 1.4 MB: above the size at which the worker thread takes over

beforeAll(async () => {
  const db = await createTestDatabaseUrl();
  url = db.url;
  drop = db.drop;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-import-'));
  env = { MERIDIAN_DATABASE_URL: db.url, MERIDIAN_KEY_FILE: path.join(dir, 'k.key') };
});
afterAll(async () => {
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

const args = [
  '--bureau',
  'FR',
  '--restriction',
  'everyone',
  '--handling',
  'official',
  '--purpose',
  'Stolen documents',
  '--reliability',
  'A',
  '--accuracy',
  '1',
];

describe('meridian import', () => {
  it('imports a large CSV through the worker thread, then reports a bad file row by row and keeps none of it', async () => {
    const file = path.join(dir, 'sltd.csv');
    const lines = ['reference,documentNumber,issuingCountry,type,status'];
    for (let i = 0; i < ROWS; i++)
      lines.push(`FR-CLI-${i},CLI${String(i).padStart(7, '0')},FR,passport,lost`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    expect(fs.statSync(file).size).toBeGreaterThan(1024 * 1024);

    const ok = runCli(['import', 'travel_documents', file, ...args], env);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(
      `Imported: ${ROWS} created, 0 updated, 0 unchanged, 0 rejected of ${ROWS} rows`,
    );

    const h = openDatabase(url);
    try {
      const n = await h.db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(ROWS);
      const keys = await h.db
        .selectFrom('record_keys')
        .select('value')
        .where('folded', '=', 'C110000042')
        .execute();
      expect(keys).toEqual([{ value: 'CLI0000042' }]);
    } finally {
      await h.close();
    }

    const again = runCli(['import', 'travel_documents', file, ...args], env);
    expect(again.stdout).toContain(`0 created, 0 updated, ${ROWS} unchanged`);

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      bad,
      'reference,documentNumber,issuingCountry,type,status\nFR-BAD-1,BAD1,FR,passport,lost\nFR-BAD-2,BAD2,JO,passport,lost\n',
    );
    const refused = runCli(
      ['import', 'travel_documents', bad, ...args, '--report', path.join(dir, 'report.json')],
      env,
    );
    expect(refused.status).toBe(4);
    expect(refused.stdout).toContain('Nothing imported (all or nothing)');
    expect(refused.stdout).toContain('row 2 (FR-BAD-2): data.issuingCountry');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(report).toEqual([expect.objectContaining({ row: 2, reference: 'FR-BAD-2' })]);
  }, 60_000);

  it('exports what the bureau owns as JSON Lines', () => {
    const out = runCli(['export', 'travel_documents', '--bureau', 'FR'], env);
    expect(out.status, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(ROWS);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      reference: expect.stringMatching(/^FR-CLI-/),
      data: { issuingCountry: 'FR' },
    });
  });
});
