// A record's life: created by its owner, read through the policy, changed with If-Match (the old
// version kept), closed, and deleted for real — every step audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, create, officer, travelDocument, vehicle } from '../../support/records.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let fr: Client;
let jo: Client;
beforeAll(async () => {
  t = await createTestApp();
  fr = await officer(t.app, 'fr.officer');
  jo = await officer(t.app, 'jo.officer');
});
afterAll(async () => t?.close());

describe('the catalogue', () => {
  it('lists the 19 databases with their schemas and what the caller may do', async () => {
    const res = await fr.get('/api/v1/databases');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      number: number;
      canCreate: boolean;
      schema: { type: string };
    }[];
    expect(items.map((d) => d.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(items.every((d) => d.schema.type === 'object')).toBe(true);
    const byId = new Map(items.map((d) => [d.id, d]));
    expect(byId.get('travel_documents')!.canCreate).toBe(true);
    expect(byId.get('firearms_reference')!.canCreate).toBe(false); // the General Secretariat's table
    expect(byId.get('icse')!.canCreate).toBe(false); // managed by its own capability
  });
});

describe('creating a record', () => {
  it('stores what the owner gives, with a default review date 10 years ahead for travel documents', async () => {
    const res = await fr.post(
      '/api/v1/databases/travel_documents/records',
      travelDocument('FR-L-1', '12AB34567'),
    );
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const rec = res.json();
    expect(rec).toMatchObject({
      ownerBureau: 'FR',
      reference: 'FR-L-1',
      status: 'active',
      version: 1,
      access: 'see',
    });
    expect(rec.reviewDate.slice(0, 4)).toBe(String(new Date().getUTCFullYear() + 10));
  });

  it('names the field of a missing envelope value, never a 500', async () => {
    const { reference: _r, ...body } = travelDocument('x', '1');
    const res = await fr.post('/api/v1/databases/travel_documents/records', body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toContainEqual({ field: 'reference', message: 'is required' });
  });

  it('validates the data against the database schema, naming each field', async () => {
    const body = travelDocument('FR-L-bad', '1');
    (body.data as Record<string, unknown>).type = 'spaceship';
    (body.data as Record<string, unknown>).colourOfTheSky = 'blue';
    const res = await fr.post('/api/v1/databases/travel_documents/records', body);
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toContain('data.type');
    expect(fields).toContain('data.colourOfTheSky');
  });

  it('lets only the issuing country record its travel documents', async () => {
    const res = await jo.post(
      '/api/v1/databases/travel_documents/records',
      travelDocument('JO-1', 'X1234567'),
    );
    expect(res.statusCode).toBe(400);
    expect((res.json().errors as { field: string }[]).map((e) => e.field)).toContain('data.issuingCountry');
  });

  it('refuses a second record with the same reference of the bureau (409), and an unknown database (404)', async () => {
    await create(fr, 'travel_documents', travelDocument('FR-L-dup', 'DUP00001'));
    const again = await fr.post(
      '/api/v1/databases/travel_documents/records',
      travelDocument('FR-L-dup', 'DUP00002'),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('reference');
    expect((await fr.post('/api/v1/databases/unicorns/records', travelDocument('u', 'u'))).statusCode).toBe(
      404,
    );
  });

  it('requires a legal basis for records holding personal data', async () => {
    const res = await fr.post('/api/v1/databases/nominal/records', {
      ...travelDocument('FR-P-0', 'x'),
      data: {},
    });
    expect(res.statusCode).toBe(400);
    expect((res.json().errors as { field: string }[]).map((e) => e.field)).toContain('legalBasis');
  });

  it('refuses administrators (they manage people, not data) and the owner restricting itself away', async () => {
    const admin = await officer(t.app, 'fr.admin');
    expect(
      (await admin.post('/api/v1/databases/vehicles/records', vehicle('FR-V-a', 'VF3LBHZRFKS000001')))
        .statusCode,
    ).toBe(403);
    const selfExcluded = await fr.post(
      '/api/v1/databases/vehicles/records',
      vehicle('FR-V-self', 'VF3LBHZRFKS000002', { restriction: { mode: 'except', bureaus: ['FR'] } }),
    );
    expect(selfExcluded.statusCode).toBe(400);
    expect(selfExcluded.json().errors[0].field).toBe('restriction');
  });
});

describe('reading through the access policy', () => {
  it('shows the full record, only that it exists, or nothing, by restriction and handling', async () => {
    const open = await create(fr, 'vehicles', vehicle('FR-V-1', 'VF3LBHZRFKS000101'));
    const awayOfficial = await create(
      fr,
      'vehicles',
      vehicle('FR-V-2', 'VF3LBHZRFKS000102', { restriction: { mode: 'except', bureaus: ['JO'] } }),
    );
    const awayRestricted = await create(
      fr,
      'vehicles',
      vehicle('FR-V-3', 'VF3LBHZRFKS000103', {
        restriction: { mode: 'except', bureaus: ['JO'] },
        handling: 'restricted',
      }),
    );
    expect((await jo.get(`/api/v1/records/${open.id}`)).json().access).toBe('see');
    const exists = await jo.get(`/api/v1/records/${awayOfficial.id}`);
    expect(exists.statusCode).toBe(200);
    expect(exists.json()).toEqual({
      access: 'exists',
      id: awayOfficial.id,
      database: 'vehicles',
      ownerBureau: 'FR',
    });
    const none = await jo.get(`/api/v1/records/${awayRestricted.id}`);
    expect(none.statusCode).toBe(404);
    expect(none.json().detail).toBe('Not found or no access');
  });

  it('writes every read to the audit chain with its purpose', async () => {
    const rec = await create(fr, 'vehicles', vehicle('FR-V-aud', 'VF3LBHZRFKS000201'));
    await jo.get(`/api/v1/records/${rec.id}?purpose=${encodeURIComponent('checking a car at the border')}`);
    const events = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'record.read')
      .where('target_id', '=', rec.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      bureau_code: 'JO',
      target_bureau: 'FR',
      purpose: 'checking a car at the border',
      outcome: 'success',
    });
  });

  it('browses only what the caller may see', async () => {
    await create(
      fr,
      'vehicles',
      vehicle('FR-V-only', 'VF3LBHZRFKS000301', {
        restriction: { mode: 'only', bureaus: ['BR'] },
        handling: 'restricted',
      }),
    );
    const page = await jo.get('/api/v1/databases/vehicles/records?limit=100');
    expect(page.statusCode).toBe(200);
    const refs = (page.json().items as { reference: string }[]).map((r) => r.reference);
    expect(refs).toContain('FR-V-1');
    expect(refs).not.toContain('FR-V-only');
    expect(refs).not.toContain('FR-V-3');
    const mine = await fr.get('/api/v1/databases/vehicles/records?owner=FR&limit=100');
    expect((mine.json().items as { reference: string }[]).map((r) => r.reference)).toContain('FR-V-only');
  });
});

describe('changing, closing and deleting', () => {
  it('changes with If-Match, keeps the old version, and refuses a stale or missing ETag', async () => {
    const rec = await create(fr, 'vehicles', vehicle('FR-V-ch', 'VF3LBHZRFKS000401'));
    const body = { data: { ...(rec.data as object), colour: 'red' } };
    expect((await fr.patch(`/api/v1/records/${rec.id}`, body)).statusCode).toBe(428);
    const ok = await fr.patch(`/api/v1/records/${rec.id}`, body, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, data: { colour: 'red' } });
    expect((await fr.patch(`/api/v1/records/${rec.id}`, body, { 'if-match': '"1"' })).statusCode).toBe(412);
    const history = await fr.get(`/api/v1/records/${rec.id}/history`);
    expect(
      (
        history.json().items as { version: number; change: string; record: { data: { colour: string } } }[]
      ).map((v) => [v.version, v.change, v.record.data.colour]),
    ).toEqual([
      [2, 'current', 'red'],
      [1, 'update', 'grey'],
    ]);
  });

  it('lets only the owner change a record', async () => {
    const rec = await create(fr, 'vehicles', vehicle('FR-V-own', 'VF3LBHZRFKS000501'));
    const res = await jo.patch(
      `/api/v1/records/${rec.id}`,
      { handling: 'restricted' },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(403);
  });

  it('closes with one of the database reasons', async () => {
    const rec = await create(fr, 'vehicles', vehicle('FR-V-cl', 'VF3LBHZRFKS000601'));
    const bad = await fr.post(`/api/v1/records/${rec.id}/close`, { reason: 'bored' }, { 'if-match': '"1"' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('reason');
    const ok = await fr.post(
      `/api/v1/records/${rec.id}/close`,
      { reason: 'recovered' },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'closed', closeReason: 'recovered', version: 2 });
  });

  it('deletes for real: the record, its history and search keys go; the fact stays in the audit chain', async () => {
    const rec = await create(fr, 'vehicles', vehicle('FR-V-del', 'VF3LBHZRFKS000701'));
    await fr.patch(`/api/v1/records/${rec.id}`, { handling: 'restricted' }, { 'if-match': '"1"' });
    expect((await fr.del(`/api/v1/records/${rec.id}`, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await fr.del(`/api/v1/records/${rec.id}`, { 'if-match': '"2"' })).statusCode).toBe(204);
    expect((await fr.get(`/api/v1/records/${rec.id}`)).statusCode).toBe(404);
    const left = await Promise.all([
      t.ctx.db.selectFrom('records').select('id').where('id', '=', rec.id).execute(),
      t.ctx.db.selectFrom('record_versions').select('record_id').where('record_id', '=', rec.id).execute(),
      t.ctx.db.selectFrom('record_keys').select('record_id').where('record_id', '=', rec.id).execute(),
    ]);
    expect(left.map((l) => l.length)).toEqual([0, 0, 0]);
    const fact = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'record.delete')
      .where('target_id', '=', rec.id)
      .execute();
    expect(fact).toHaveLength(1);
    expect(JSON.stringify(fact[0])).not.toContain('VF3LBHZRFKS000701');
  });
});
