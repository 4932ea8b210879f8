// Bulk data: CSV and JSON Lines imports with a per-row report, idempotent on the bureau's own
// references, all-or-nothing when asked; and the export of what the bureau owns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, officer } from '../../support/records.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let fr: Client;
beforeAll(async () => {
  t = await createTestApp();
  fr = await officer(t.app, 'fr.officer');
});
afterAll(async () => t?.close());

const defaults = {
  restriction: { mode: 'everyone' },
  handling: 'official',
  purpose: 'Stolen documents reported to the NCB',
  sourceReliability: 'A',
  infoAccuracy: 1,
};

type ImportDto = {
  id: string;
  status: string;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: { row: number; reference: string | null; errors: { field: string; message: string }[] }[];
};

async function importFile(db: string, body: Record<string, unknown>): Promise<ImportDto> {
  const started = await fr.post(`/api/v1/databases/${db}/imports`, body);
  expect(started.statusCode, started.body).toBe(202);
  let dto = started.json() as ImportDto;
  for (let i = 0; dto.status === 'running' && i < 200; i++) {
    await new Promise((r) => setTimeout(r, 25));
    dto = (await fr.get(`/api/v1/imports/${dto.id}`)).json() as ImportDto;
  }
  return dto;
}

const csv = (rows: string[]) => ['reference,documentNumber,issuingCountry,type,status', ...rows].join('\n');

describe('CSV import', () => {
  it('keeps nothing in all-or-nothing mode when a row is rejected, and says which rows and why', async () => {
    const content = csv([
      'FR-I-1,IMP00001,FR,passport,lost',
      'FR-I-2,IMP00002,DE,passport,lost',
      'FR-I-3,IMP00003,FR,spaceship,lost',
    ]);
    const dto = await importFile('travel_documents', {
      format: 'csv',
      mode: 'all_or_nothing',
      content,
      defaults,
    });
    expect(dto).toMatchObject({ status: 'rolled_back', processed: 3, created: 0, rejected: 2 });
    expect(dto.rows.map((r) => [r.row, r.reference, r.errors[0]!.field])).toEqual([
      [2, 'FR-I-2', 'data.issuingCountry'],
      [3, 'FR-I-3', 'data.type'],
    ]);
    const held = await t.ctx.db
      .selectFrom('records')
      .select('reference')
      .where('reference', 'like', 'FR-I-%')
      .execute();
    expect(held).toEqual([]);
  });

  it('imports the valid rows in valid-rows mode, then is idempotent on the references', async () => {
    const content = csv([
      'FR-I-1,IMP00001,FR,passport,lost',
      'FR-I-2,IMP00002,DE,passport,lost',
      'FR-I-4,IMP00004,FR,visa,stolen_blank',
    ]);
    const first = await importFile('travel_documents', {
      format: 'csv',
      mode: 'valid_rows',
      content,
      defaults,
    });
    expect(first).toMatchObject({ status: 'done', created: 2, rejected: 1 });
    const again = await importFile('travel_documents', {
      format: 'csv',
      mode: 'valid_rows',
      content,
      defaults,
    });
    expect(again).toMatchObject({ status: 'done', created: 0, unchanged: 2, rejected: 1 });
    const changed = csv(['FR-I-1,IMP00001,FR,passport,revoked']);
    const third = await importFile('travel_documents', {
      format: 'csv',
      mode: 'all_or_nothing',
      content: changed,
      defaults,
    });
    expect(third).toMatchObject({ status: 'done', updated: 1 });
    const found = await fr.post('/api/v1/search/identifiers', {
      value: 'IMP00001',
      purpose: 'Checking the import',
    });
    const rec = found.json().items[0].record;
    expect(rec).toMatchObject({ reference: 'FR-I-1', version: 2, data: { status: 'revoked' } });
  });

  it('rejects a row repeating a reference of the same file, and a row with too many cells', async () => {
    const content = csv([
      'FR-I-5,IMP00005,FR,passport,lost',
      'FR-I-5,IMP00006,FR,passport,lost',
      'FR-I-7,IMP00007,FR,passport,lost,extra',
    ]);
    const dto = await importFile('travel_documents', {
      format: 'csv',
      mode: 'valid_rows',
      content,
      defaults,
    });
    expect(dto.rows.map((r) => [r.row, r.errors[0]!.field])).toEqual([
      [2, 'reference'],
      [3, 'row'],
    ]);
  });

  it('reads envelope columns, lists and nested objects', async () => {
    const content = [
      'reference,restriction,handling,purpose,sourceReliability,infoAccuracy,vin,make,plates.0.number,plates.0.country',
      'FR-IV-1,only:FR;BR,restricted,Stolen car reported in Lyon,B,2,VF3LBHZRFKS000999,Peugeot,AB-123-CD,FR',
    ].join('\n');
    const dto = await importFile('vehicles', { format: 'csv', mode: 'all_or_nothing', content });
    expect(dto).toMatchObject({ status: 'done', created: 1 });
    const rec = (
      await fr.post('/api/v1/search/identifiers', {
        value: 'AB123CD',
        kind: 'plate',
        purpose: 'Checking the import',
      })
    ).json().items[0].record;
    expect(rec).toMatchObject({
      restriction: { mode: 'only', bureaus: ['BR', 'FR'] },
      handling: 'restricted',
      data: { plates: [{ number: 'AB-123-CD', country: 'FR' }] },
    });
  });
});

describe('JSON Lines import and export', () => {
  it('imports create bodies line by line and exports them back', async () => {
    const lines = [
      JSON.stringify({
        ...defaults,
        reference: 'FR-F-1',
        data: { make: 'Glock', model: '17', serialNumber: 'GLK001', type: 'pistol', status: 'stolen' },
      }),
      '{not json',
      JSON.stringify({
        ...defaults,
        reference: 'FR-F-2',
        data: { make: 'Beretta', serialNumber: 'BER002', type: 'pistol', status: 'lost' },
      }),
    ].join('\n');
    const dto = await importFile('firearms', { format: 'jsonl', mode: 'valid_rows', content: lines });
    expect(dto).toMatchObject({ created: 2, rejected: 1 });
    expect(dto.rows[0]).toMatchObject({ row: 2, errors: [{ field: 'row', message: 'is not valid JSON' }] });

    const exported = await fr.get('/api/v1/databases/firearms/export?format=jsonl');
    expect(exported.statusCode).toBe(200);
    const bodies = exported.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(bodies.map((b) => b.reference).sort()).toEqual(['FR-F-1', 'FR-F-2']);
    // What is exported imports again unchanged: the round trip loses nothing.
    const back = await importFile('firearms', {
      format: 'jsonl',
      mode: 'all_or_nothing',
      content: exported.body,
    });
    expect(back).toMatchObject({ status: 'done', unchanged: 2, created: 0 });

    const csvOut = await fr.get('/api/v1/databases/firearms/export?format=csv');
    expect(csvOut.headers['content-type']).toContain('text/csv');
    expect(csvOut.body.split('\n')[0]).toContain('serialNumber');
    const csvBack = await importFile('firearms', {
      format: 'csv',
      mode: 'all_or_nothing',
      content: csvOut.body,
    });
    expect(csvBack).toMatchObject({ status: 'done', unchanged: 2 });
  });

  it('exports only what the bureau owns', async () => {
    const jo = await officer(t.app, 'jo.officer');
    const exported = await jo.get('/api/v1/databases/firearms/export?format=jsonl');
    expect(exported.body).toBe('');
  });

  it('shows an import only to its bureau and records it in the audit chain', async () => {
    const dto = await importFile('firearms', { format: 'jsonl', mode: 'valid_rows', content: '{}' });
    const jo = await officer(t.app, 'jo.officer');
    expect((await jo.get(`/api/v1/imports/${dto.id}`)).statusCode).toBe(404);
    const audited = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'record.import')
      .where('target_id', '=', dto.id)
      .execute();
    expect(audited).toHaveLength(1);
  });
});
