// Searching: exact identifiers (normalised, look-alikes marked), persons, free text, DNA — and
// every find of another bureau's record reported to its owner as a hit it can answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../src/modules/identity/apikeys.service.js';
import { findUnitByName } from '../../../src/modules/units/units.store.js';
import { type Client, create, envelope, officer, travelDocument, vehicle } from '../../support/records.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let fr: Client;
let jo: Client;
let br: Client;
const purpose = 'Border check of a traveller at Queen Alia airport';
beforeAll(async () => {
  t = await createTestApp();
  fr = await officer(t.app, 'fr.officer');
  jo = await officer(t.app, 'jo.ct');
  br = await officer(t.app, 'br.officer');
});
afterAll(async () => t?.close());

type Result = {
  access: string;
  match: string;
  hitId: string | null;
  record: { id: string; access: string; reference?: string };
};

describe('identifier search', () => {
  it('finds a document however it is typed, and marks look-alike characters as similar', async () => {
    const rec = await create(fr, 'travel_documents', travelDocument('FR-S-1', '12AB0456'));
    const typed = await jo.post('/api/v1/search/identifiers', { value: '12 ab-0456', purpose });
    expect(typed.statusCode).toBe(200);
    const exact = typed.json().items as Result[];
    expect(exact).toHaveLength(1);
    expect(exact[0]).toMatchObject({ access: 'see', match: 'exact', record: { id: rec.id } });
    const lookalike = (await jo.post('/api/v1/search/identifiers', { value: '12ABO456', purpose })).json()
      .items as Result[];
    expect(lookalike[0]).toMatchObject({ match: 'similar', record: { id: rec.id } });
  });

  it('shows only that a record exists when the owner restricted the searcher away, and nothing for restricted data', async () => {
    await create(
      fr,
      'vehicles',
      vehicle('FR-S-2', 'VF3LBHZRFKS900001', { restriction: { mode: 'except', bureaus: ['JO'] } }),
    );
    await create(
      fr,
      'vehicles',
      vehicle('FR-S-3', 'VF3LBHZRFKS900002', {
        restriction: { mode: 'except', bureaus: ['JO'] },
        handling: 'restricted',
      }),
    );
    const official = (
      await jo.post('/api/v1/search/identifiers', { value: 'VF3LBHZRFKS900001', purpose })
    ).json().items as Result[];
    expect(official).toHaveLength(1);
    expect(official[0]!.record).toEqual({
      access: 'exists',
      id: official[0]!.record.id,
      database: 'vehicles',
      ownerBureau: 'FR',
    });
    const restricted = (
      await jo.post('/api/v1/search/identifiers', { value: 'VF3LBHZRFKS900002', purpose })
    ).json().items;
    expect(restricted).toEqual([]);
  });

  it('needs a purpose', async () => {
    const res = await jo.post('/api/v1/search/identifiers', { value: '12AB0456' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('purpose');
  });
});

describe('hits', () => {
  it('reports a find to the owner at once: inbox, event, audit; the owner replies and the searcher reads it', async () => {
    const rec = await create(fr, 'travel_documents', travelDocument('FR-H-1', 'HIT000001'));
    const found = (await jo.post('/api/v1/search/identifiers', { value: 'HIT000001', purpose })).json()
      .items as Result[];
    const hitId = found[0]!.hitId;
    expect(hitId).toBeTruthy();

    const inbox = await fr.get('/api/v1/hits?box=received');
    const hit = (inbox.json().items as { id: string }[]).find((h) => h.id === hitId) as Record<
      string,
      unknown
    >;
    expect(hit).toMatchObject({
      recordId: rec.id,
      database: 'travel_documents',
      recordReference: 'FR-H-1',
      purpose,
      searchKind: 'identifier',
      query: 'HIT000001',
      access: 'see',
      match: 'exact',
      seenByOwnerAt: null,
      searcher: { bureau: 'JO', name: 'jo.ct' },
    });
    expect((hit.searcher as { unitName: string | null }).unitName).toBeTruthy();

    const event = await t.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('topic', '=', 'records.hit')
      .execute();
    expect(event.some((e) => JSON.parse(e.payload).hitId === hitId)).toBe(true);
    const audited = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'record.hit')
      .where('target_id', '=', rec.id)
      .execute();
    expect(audited[0]).toMatchObject({ bureau_code: 'JO', target_bureau: 'FR' });

    const reply = await fr.post(`/api/v1/hits/${hitId}/replies`, {
      message: 'Seize the passport; we send a message.',
    });
    expect(reply.statusCode).toBe(201);
    const sent = (await jo.get('/api/v1/hits?box=sent')).json().items as {
      id: string;
      replies: { bureau: string; message: string }[];
    }[];
    expect(sent.find((h) => h.id === hitId)!.replies).toEqual([
      expect.objectContaining({ bureau: 'FR', message: 'Seize the passport; we send a message.' }),
    ]);
    const opened = await fr.get(`/api/v1/hits/${hitId}`);
    expect(opened.json().seenByOwnerAt).toBeTruthy();
    // A third bureau has nothing to do with this hit.
    expect((await br.get(`/api/v1/hits/${hitId}`)).statusCode).toBe(404);
  });

  it('does not report a bureau finding its own records', async () => {
    await create(fr, 'travel_documents', travelDocument('FR-H-2', 'OWN000001'));
    const found = (await fr.post('/api/v1/search/identifiers', { value: 'OWN000001', purpose })).json()
      .items as Result[];
    expect(found[0]!.hitId).toBeNull();
  });

  it('counts hits per database and per bureau', async () => {
    const stats = (await fr.get('/api/v1/hits/stats')).json();
    expect(stats.scope).toBe('FR');
    const docs = (stats.byDatabase as { database: string; received: number }[]).find(
      (d) => d.database === 'travel_documents',
    );
    expect(docs!.received).toBeGreaterThanOrEqual(2);
    expect(
      (stats.byBureau as { bureau: string; made: number }[]).find((b) => b.bureau === 'JO')!.made,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('free-text search', () => {
  it('finds words of the records the searcher may see, in any case or accent', async () => {
    await create(fr, 'vehicles', {
      ...vehicle('FR-T-1', 'VF3LBHZRFKS910001'),
      data: { vin: 'VF3LBHZRFKS910001', make: 'Citroën', model: 'Méhari', type: 'car' },
    });
    await create(fr, 'vehicles', {
      ...vehicle('FR-T-2', 'VF3LBHZRFKS910002', {
        restriction: { mode: 'only', bureaus: ['BR'] },
        handling: 'restricted',
      }),
      data: { vin: 'VF3LBHZRFKS910002', make: 'Citroën', model: 'Méhari', type: 'car' },
    });
    const res = await jo.post('/api/v1/search/text', { q: 'CITROEN mehari', purpose });
    expect(res.statusCode).toBe(200);
    const refs = (res.json().items as Result[]).map((r) => r.record.reference);
    expect(refs).toEqual(['FR-T-1']);
    const forBr = (await br.post('/api/v1/search/text', { q: 'citroen mehari', purpose })).json()
      .items as Result[];
    expect(forBr.map((r) => r.record.reference).sort()).toEqual(['FR-T-1', 'FR-T-2']);
  });
});

describe('person search', () => {
  it('finds a person recorded in Arabic script by a Latin spelling, scored with the date of birth', async () => {
    const body = {
      ...envelope('FR-N-1', { legalBasis: 'Article 3 of the national criminal code', handling: 'official' }),
      data: {
        names: [{ written: 'أحمد منصور', script: 'Arab', latin: 'Ahmed Mansour' }],
        sex: 'male',
        dateOfBirth: '1980-03-14',
        nationalities: ['EG'],
        status: 'wanted',
      },
    };
    const res = await fr.post('/api/v1/databases/nominal/records', body);
    expect(res.statusCode, res.body).toBe(201);
    const found = await jo.post('/api/v1/search/persons', {
      name: 'ahmed MANSOUR',
      dateOfBirth: '1980',
      purpose,
    });
    expect(found.statusCode).toBe(200);
    const items = found.json().items as (Result & { detail: { score: number; reasons: string[] } })[];
    expect(items[0]!.record.reference).toBe('FR-N-1');
    expect(items[0]!.detail.score).toBeGreaterThanOrEqual(0.5);
    expect(items[0]!.hitId).toBeTruthy();
  });
});

describe('a border system searching with an API key', () => {
  it('finds a document and the owner learns which border post searched', async () => {
    const unit = await findUnitByName(t.ctx.db, 'BR', 'Foz do Iguaçu border post');
    const { key } = await createApiKey(
      t.ctx,
      null,
      'BR',
      { name: 'Foz e-gates', unitId: unit!.id, capabilities: ['databases', 'screening'] },
      {},
    );
    const rec = await create(fr, 'travel_documents', travelDocument('FR-API-1', 'APIKEY001'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/search/identifiers',
      headers: { authorization: `Bearer ${key}` },
      payload: { value: 'APIKEY001', purpose: 'Automatic check at the e-gate' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const hitId = res.json().items[0].hitId;
    expect(res.json().items[0].record.id).toBe(rec.id);
    const hit = (await fr.get(`/api/v1/hits/${hitId}`)).json();
    expect(hit.searcher).toMatchObject({
      type: 'api_key',
      name: 'Foz e-gates',
      bureau: 'BR',
      unitName: 'Foz do Iguaçu border post',
    });
  });
});
