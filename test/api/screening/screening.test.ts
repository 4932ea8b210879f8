// Border screening end to end: documents, vehicles and travellers (MRZ or fields) checked one by
// one or as a manifest; invalid items answered with reasons without failing the batch; what a
// border key without the databases capability learns (that the record exists); hits reported
// to owners, grouped; one audit event per call; Idempotency-Key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../src/modules/identity/apikeys.service.js';
import { findUnitByName } from '../../../src/modules/units/units.store.js';
import { td3 } from '../../support/mrz.js';
import { type Client, create, envelope, officer } from '../../support/records.js';
import { as, createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let jo: Client;
let border: Client; // the demo CDG e-gates key: screening only
let borderOfficer: Client; // fr.border: CDG unit, screening and databases

type Item = {
  index: number;
  status: string;
  reasons?: { field: string; message: string }[];
  hits?: {
    check: string;
    database: string;
    ownerBureau: string;
    recordId: string;
    hitId: string | null;
    access: string;
    match: string;
    score?: number;
    label?: string;
    record?: { id: string; reference: string };
  }[];
  document?: Record<string, string>;
  person?: Record<string, string>;
};

const joDocument = (reference: string, documentNumber: string, extra: Record<string, unknown> = {}) => ({
  ...envelope(reference, extra),
  data: { documentNumber, issuingCountry: 'JO', type: 'passport', status: 'stolen_issued' },
});

const wanted = (reference: string, latin: string, dateOfBirth: string, status = 'wanted') => ({
  ...envelope(reference, { legalBasis: 'Arrest warrant 2026/114, Amman court' }),
  data: {
    names: [{ written: latin, script: 'Latn', latin }],
    sex: 'male',
    dateOfBirth,
    nationalities: ['JO'],
    status,
  },
});

const docs = (c: Client, items: unknown[], extra: Record<string, string> = {}) =>
  c.post('/api/v1/screening/documents', { items }, extra);

let stolen: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  jo = await officer(t.app, 'jo.officer');
  border = as(t.app, { apiKey: t.demoApiKey! });
  borderOfficer = await officer(t.app, 'fr.border');
  stolen = await create(jo, 'travel_documents', joDocument('JO-SCR-1', 'K1234567'));
});
afterAll(async () => t?.close());

describe('documents', () => {
  it('answers no hit, and a hit that a screening-only key may only know exists (contact the owner)', async () => {
    const res = await docs(border, [
      { number: 'X9999999', issuingCountry: 'JO' },
      { number: 'k 123-4567', issuingCountry: 'JOR', type: 'passport' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { summary: Record<string, number>; items: Item[] };
    expect(body.summary).toEqual({ checked: 2, hits: 1, noHits: 1, invalid: 0 });
    expect(body.items[0]).toEqual({ index: 0, status: 'no_hit' });
    expect(body.items[1]!.status).toBe('hit');
    expect(body.items[1]!.hits).toEqual([
      {
        check: 'document',
        database: 'travel_documents',
        ownerBureau: 'JO',
        recordId: stolen.id,
        hitId: expect.any(String),
        access: 'exists',
        match: 'exact',
      },
    ]);
  });

  it('shows the record to a border officer whose unit has the databases capability', async () => {
    const items = (await docs(borderOfficer, [{ number: 'K1234567', issuingCountry: 'JO' }])).json()
      .items as Item[];
    expect(items[0]!.hits![0]).toMatchObject({ access: 'see', label: expect.stringContaining('K1234567') });
    expect(items[0]!.hits![0]!.record).toMatchObject({ id: stolen.id, reference: 'JO-SCR-1' });
  });

  it('needs the same issuing country, an active record, and the restriction to allow it', async () => {
    const closed = await create(jo, 'travel_documents', joDocument('JO-SCR-2', 'K7654321'));
    const close = await jo.post(
      `/api/v1/records/${closed.id}/close`,
      { reason: 'recovered' },
      {
        'if-match': `"${closed.version}"`,
      },
    );
    expect(close.statusCode, close.body).toBe(200);
    await create(
      jo,
      'travel_documents',
      joDocument('JO-SCR-3', 'K5550001', {
        restriction: { mode: 'only', bureaus: ['BR'] },
        handling: 'restricted',
      }),
    );
    const items = (
      await docs(border, [
        { number: 'K1234567', issuingCountry: 'FR' },
        { number: 'K7654321', issuingCountry: 'JO' },
        { number: 'K5550001', issuingCountry: 'JO' },
      ])
    ).json().items as Item[];
    expect(items.map((i) => i.status)).toEqual(['no_hit', 'no_hit', 'no_hit']);
  });

  it('answers each bad item with its reasons and checks the rest', async () => {
    const res = await docs(border, [
      { number: 'K1234567', issuingCountry: 'XX' },
      { issuingCountry: 'JO' },
      'K1234567',
      { number: 'K1234567', issuingCountry: 'JO', type: 'banknote' },
      { number: 'К1234567', issuingCountry: 'JO' }, // a Cyrillic К
      { number: 'K1234567', issuingCountry: 'JO' },
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { summary: Record<string, number>; items: Item[] };
    expect(body.summary).toEqual({ checked: 1, hits: 1, noHits: 0, invalid: 5 });
    expect(body.items.map((i) => i.status)).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'hit',
    ]);
    expect(body.items[0]!.reasons).toEqual([
      { field: 'issuingCountry', message: 'is not a known country: XX' },
    ]);
    expect(body.items[1]!.reasons).toEqual([{ field: 'number', message: 'is required' }]);
    expect(body.items[2]!.reasons).toEqual([{ field: '', message: 'must be an object' }]);
    expect(body.items[3]!.reasons![0]!.field).toBe('type');
    expect(body.items[4]!.reasons![0]).toEqual({
      field: 'number',
      message: 'must be made of the letters A–Z and digits',
    });
  });

  it('refuses a body that is not a list of 1 to 10,000 items, naming the field', async () => {
    for (const payload of [{}, { items: [] }, { items: Array.from({ length: 10_001 }, () => ({})) }]) {
      const res = await border.post('/api/v1/screening/documents', payload);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json().errors)).toContain('items');
    }
  });

  it('checks a manifest of 10,000 items in one call, in order', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      number: i === 7777 ? 'K1234567' : `Q${String(i).padStart(8, '0')}`,
      issuingCountry: 'JO',
    }));
    const res = await docs(border, items);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { summary: Record<string, number>; items: Item[] };
    expect(body.summary).toEqual({ checked: 10_000, hits: 1, noHits: 9_999, invalid: 0 });
    expect(body.items[7777]!.status).toBe('hit');
    expect(body.items.every((x, i) => x.index === i)).toBe(true);
  });

  it('refuses a principal without the screening capability', async () => {
    const unit = await findUnitByName(t.ctx.db, 'FR', 'Cybercrime unit');
    const { key } = await createApiKey(
      t.ctx,
      null,
      'FR',
      { name: 'cyber', unitId: unit!.id, capabilities: ['databases'] },
      {},
    );
    const res = await docs(as(t.app, { apiKey: key }), [{ number: 'K1234567', issuingCountry: 'JO' }]);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('missing_capability');
  });
});

describe('hits reach the owner, grouped; every call is audited once', () => {
  it('one event per owner for a batch, one hit per record in its inbox, one audit event for the call', async () => {
    const a = await create(jo, 'travel_documents', joDocument('JO-SCR-10', 'M0000010'));
    const b = await create(jo, 'travel_documents', joDocument('JO-SCR-11', 'M0000011'));
    const before = await t.ctx.db
      .selectFrom('events')
      .select('id')
      .where('topic', '=', 'records.hit')
      .execute();
    const res = await docs(border, [
      { number: 'M0000010', issuingCountry: 'JO' },
      { number: 'nothing1', issuingCountry: 'JO' },
      { number: 'M0000011', issuingCountry: 'JO' },
    ]);
    const requestId = res.headers['x-request-id'] as string | undefined;
    expect(res.json().summary.hits).toBe(2);
    const events = await t.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('topic', '=', 'records.hit')
      .execute();
    const fresh = events.filter((e) => !before.some((x) => x.id === e.id));
    expect(fresh).toHaveLength(1);
    const payload = JSON.parse(fresh[0]!.payload);
    expect(payload.count).toBe(2);
    expect(payload.hits.map((h: { recordId: string }) => h.recordId).sort()).toEqual([a.id, b.id].sort());

    const inbox = (await jo.get('/api/v1/hits?box=received')).json().items as {
      recordId: string;
      searchKind: string;
      query: string;
      access: string;
      searcher: { bureau: string; unitName: string };
    }[];
    const hit = inbox.find((h) => h.recordId === a.id)!;
    expect(hit).toMatchObject({
      searchKind: 'screening',
      query: 'JO M0000010',
      access: 'exists',
      searcher: { bureau: 'FR', unitName: 'Paris-Charles de Gaulle border post' },
    });

    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'screening.check')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.bureau_code).toBe('FR');
    expect(JSON.parse(audit.details!)).toMatchObject({ items: 3, checked: 3, hits: 2, invalid: 0 });
    if (requestId) expect(audit.request_id).toBe(requestId);
    const hitEvents = await t.ctx.db
      .selectFrom('audit_events')
      .select('target_id')
      .where('action', '=', 'record.hit')
      .where('target_id', 'in', [a.id, b.id])
      .execute();
    expect(hitEvents).toHaveLength(2);
  });

  it('answers a retried batch again from the first answer, without checking it twice', async () => {
    const count = async () =>
      (
        await t.ctx.db
          .selectFrom('audit_events')
          .select('seq')
          .where('action', '=', 'screening.check')
          .execute()
      ).length;
    const items = [{ number: 'K1234567', issuingCountry: 'JO' }];
    const first = await docs(border, items, { 'idempotency-key': 'manifest-AF1234-2026-11-29' });
    const audited = await count();
    const again = await docs(border, items, { 'idempotency-key': 'manifest-AF1234-2026-11-29' });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(audited);
  });
});

describe('vehicles', () => {
  it('finds a stolen vehicle by VIN, or by plate and country', async () => {
    const car = await create(jo, 'vehicles', {
      ...envelope('JO-SCR-V1'),
      data: {
        vin: 'WVWZZZ1JZXW000001',
        plates: [{ number: '12-34567', country: 'JO' }],
        make: 'VW',
        type: 'car',
      },
    });
    const res = await border.post('/api/v1/screening/vehicles', {
      items: [
        { vin: 'wvwzzz1jzxw000001' },
        { plate: '12 34567', country: 'JO' },
        { plate: '1234567', country: 'SA' },
        { vin: 'WVWZZZ1JZXW00000I' },
        {},
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Item[];
    expect(items.map((i) => i.status)).toEqual(['hit', 'hit', 'no_hit', 'invalid', 'invalid']);
    expect(items[0]!.hits![0]).toMatchObject({ check: 'vehicle', recordId: car.id, ownerBureau: 'JO' });
    expect(items[3]!.reasons![0]!.field).toBe('vin');
    expect(items[4]!.reasons).toEqual([{ field: 'vin', message: 'give a VIN or a plate' }]);
  });
});

describe('travellers', () => {
  const mrz = (number: string, surname: string, given: string, birth: string) =>
    td3({ issuing: 'JOR', surname, given, number, nationality: 'JOR', birth, sex: 'M', expiry: '300101' });

  it('reads an MRZ, checks the document and the person (wanted, not a victim) through the matcher', async () => {
    const person = await create(jo, 'nominal', wanted('JO-SCR-P1', 'Khaled Haddad', '1975-06-01'));
    await create(jo, 'nominal', wanted('JO-SCR-P2', 'Samir Nasser', '1980-02-02', 'victim'));
    const res = await border.post('/api/v1/screening/travellers', {
      items: [
        { mrz: mrz('K1234567', 'HADDAD', 'KHALID', '750601') },
        { mrz: mrz('N0000001', 'NASSER', 'SAMIR', '800202') },
        {
          mrz: mrz('N0000002', 'HADDAD', 'KHALID', '750601').replace(/\d$/, (d) =>
            String((Number(d) + 1) % 10),
          ),
        },
        {
          document: { number: 'N0000003', issuingCountry: 'JO' },
          person: { name: 'خالد حداد', dateOfBirth: '1975-06-01' },
        },
        { document: { number: 'N0000004' }, person: { name: 'Someone', dateOfBirth: '1975-13-01' } },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Item[];
    expect(items.map((i) => i.status)).toEqual(['hit', 'no_hit', 'invalid', 'hit', 'invalid']);
    expect(items[0]!.document).toEqual({ number: 'K1234567', issuingCountry: 'JO', type: 'passport' });
    expect(items[0]!.person).toEqual({
      name: 'KHALID HADDAD',
      dateOfBirth: '1975-06-01',
      nationality: 'JO',
      sex: 'male',
    });
    const checks = items[0]!.hits!.map((h) => `${h.check}:${h.recordId}`).sort();
    expect(checks).toEqual([`document:${stolen.id}`, `person:${person.id}`].sort());
    const personHit = items[0]!.hits!.find((h) => h.check === 'person')!;
    expect(personHit.score).toBeGreaterThanOrEqual(0.7);
    expect(personHit.access).toBe('exists');
    expect(items[2]!.reasons![0]!.field).toBe('mrz');
    expect(items[2]!.reasons![0]!.message.toLowerCase()).toContain('check digit');
    expect(items[3]!.hits!.map((h) => h.recordId)).toEqual([person.id]);
    expect(items[4]!.reasons!.map((r) => r.field).sort()).toEqual([
      'document.issuingCountry',
      'person.dateOfBirth',
    ]);
  });

  it('checks a passenger manifest of 10,000 travellers in one call, the wanted one found in place', async () => {
    const person = await create(jo, 'nominal', wanted('JO-SCR-P9', 'Yusuf Barakat', '1969-09-09'));
    const items = Array.from({ length: 10_000 }, (_, i) =>
      i === 4321
        ? { mrz: mrz('N1000000', 'BARAKAT', 'YOUSEF', '690909') }
        : {
            document: { number: `N${String(i).padStart(7, '0')}`, issuingCountry: 'FR' },
            person: { name: `Traveller Number${i}`, dateOfBirth: '1990-01-01' },
          },
    );
    const started = Date.now();
    const res = await border.post('/api/v1/screening/travellers', { items });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { summary: Record<string, number>; items: Item[] };
    expect(body.summary).toMatchObject({ checked: 10_000, hits: 1, invalid: 0 });
    expect(body.items[4321]!.hits!.map((h) => h.recordId)).toEqual([person.id]);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
