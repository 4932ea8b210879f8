// Links between pieces of police data: created by a bureau's analysts between what they may at
// least know exists, read through the access policy (its own restriction and its two ends),
// changed with If-Match by the owner only, closed, deleted; identifiers as nodes of their own;
// suggestions to both owners when two bureaus link the same identifier; CBRNE needs 'cbrne'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, create, envelope, officer } from '../../support/records.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let fr: Client;
let jo: Client;
let ng: Client;
let joCt: Client;
const purpose = 'Mapping the financing of a terrorist group';

const org = (ref: string, name: string, extra: Record<string, unknown> = {}) => ({
  ...envelope(ref, extra),
  data: { name, type: 'terrorist' },
});
const link = (from: unknown, to: unknown, extra: Record<string, unknown> = {}) => ({
  from,
  to,
  type: 'finances',
  sourceReliability: 'B',
  infoAccuracy: 2,
  restriction: { mode: 'everyone' },
  handling: 'official',
  purpose,
  ...extra,
});
const rec = (id: string) => ({ kind: 'record', id });
const phone = (value: string) => ({ kind: 'entity', entityKind: 'phone', value });

let a: string; // FR organisation, shared with everyone
let b: string; // FR organisation, restricted to FR alone
let c: string; // JO organisation, shared with everyone

beforeAll(async () => {
  t = await createTestApp();
  fr = await officer(t.app, 'fr.officer');
  jo = await officer(t.app, 'jo.officer');
  ng = await officer(t.app, 'ng.officer');
  joCt = await officer(t.app, 'jo.ct');
  a = (await create(fr, 'organisations', org('FR-ORG-1', 'Alpha cell'))).id;
  b = (
    await create(
      fr,
      'organisations',
      org('FR-ORG-2', 'Bravo cell', {
        handling: 'restricted',
        restriction: { mode: 'only', bureaus: ['FR'] },
      }),
    )
  ).id;
  c = (await create(jo, 'organisations', org('JO-ORG-1', 'Charlie cell'))).id;
});
afterAll(async () => t?.close());

describe('creating a link', () => {
  it('joins two records the author may see and answers 201 with an ETag', async () => {
    const res = await fr.post('/api/v1/networks/links', link(rec(a), rec(c)));
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      type: 'finances',
      ownerBureau: 'FR',
      from: { kind: 'record', id: a, database: 'organisations' },
    });
  });

  it('refuses an end the author may not see with the same answer as one that is not there', async () => {
    const hidden = await jo.post('/api/v1/networks/links', link(rec(c), rec(b)));
    const missing = await jo.post(
      '/api/v1/networks/links',
      link(rec(c), rec('01900000-0000-7000-8000-000000000000')),
    );
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(hidden.json().detail).toBe(missing.json().detail);
    expect(hidden.json().errors).toEqual([{ field: 'to', message: 'Not found or no access' }]);
  });

  it('names the field at fault for bad input', async () => {
    const badType = await fr.post('/api/v1/networks/links', link(rec(a), rec(c), { type: 'likes' }));
    expect(badType.statusCode).toBe(400);
    expect(badType.headers['content-type']).toContain('application/problem+json');
    const span = await fr.post(
      '/api/v1/networks/links',
      link(rec(a), rec(c), { validFrom: '2024-05-01', validTo: '2024-01-01' }),
    );
    expect(span.statusCode).toBe(400);
    expect(span.json().errors[0].field).toBe('validTo');
    const badPhone = await fr.post('/api/v1/networks/links', link(rec(a), phone('12')));
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors[0].field).toBe('to.value');
    const self = await fr.post('/api/v1/networks/links', link(rec(a), rec(a)));
    expect(self.statusCode).toBe(400);
  });
});

describe('reading, changing and deleting a link', () => {
  it('shows a link restricted away from a bureau as "exists, contact the owner" with no data', async () => {
    const created = await fr.post(
      '/api/v1/networks/links',
      link(rec(a), rec(c), { restriction: { mode: 'except', bureaus: ['NG'] } }),
    );
    const id = created.json().id;
    expect((await jo.get(`/api/v1/networks/links/${id}`)).json()).toMatchObject({
      type: 'finances',
      fromNode: { id: a, access: 'see' },
    });
    const seenByNg = await ng.get(`/api/v1/networks/links/${id}`);
    expect(seenByNg.statusCode).toBe(200);
    expect(seenByNg.json()).toEqual({ id, kind: 'link', exists: true, ownerBureau: 'FR' });
  });

  it('hides a link one of whose ends is hidden, whatever the link itself allows', async () => {
    const id = (await fr.post('/api/v1/networks/links', link(rec(a), rec(b)))).json().id;
    expect((await fr.get(`/api/v1/networks/links/${id}`)).statusCode).toBe(200);
    expect((await jo.get(`/api/v1/networks/links/${id}`)).statusCode).toBe(404);
  });

  it('changes with If-Match by the owner only, closes, and deletes for good', async () => {
    const id = (await fr.post('/api/v1/networks/links', link(rec(a), rec(c)))).json().id;
    expect((await fr.patch(`/api/v1/networks/links/${id}`, { type: 'leads' })).statusCode).toBe(428);
    expect(
      (await jo.patch(`/api/v1/networks/links/${id}`, { type: 'leads' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(403);
    const changed = await fr.patch(
      `/api/v1/networks/links/${id}`,
      { type: 'leads', validFrom: '2023-01-01' },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ type: 'leads', validFrom: '2023-01-01', version: 2 });
    expect(
      (await fr.patch(`/api/v1/networks/links/${id}`, { type: 'owns' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(412);
    const closed = await fr.post(`/api/v1/networks/links/${id}/close`, {}, { 'if-match': '"2"' });
    expect(closed.json().status).toBe('closed');
    expect((await fr.del(`/api/v1/networks/links/${id}`, { 'if-match': '"3"' })).statusCode).toBe(204);
    expect((await fr.get(`/api/v1/networks/links/${id}`)).statusCode).toBe(404);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', id)
      .execute();
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'network.link.create',
        'network.link.read',
        'network.link.update',
        'network.link.close',
        'network.link.delete',
      ]),
    );
  });
});

describe('identifiers and suggestions', () => {
  it('makes one node of a phone written two ways, and tells both owners when two bureaus link it', async () => {
    const one = await fr.post(
      '/api/v1/networks/links',
      link(rec(a), phone('+44 (0)20 7946 0018'), { type: 'used' }),
    );
    const two = await jo.post(
      '/api/v1/networks/links',
      link(rec(c), phone('0044 20 7946 0018'), { type: 'used' }),
    );
    expect(one.json().to.id).toBe(two.json().to.id);
    const frSuggestions = (await fr.get('/api/v1/networks/suggestions')).json().items;
    const joSuggestions = (await jo.get('/api/v1/networks/suggestions')).json().items;
    expect(frSuggestions).toHaveLength(1);
    expect(frSuggestions[0]).toMatchObject({
      entity: { kind: 'phone', value: '+442079460018' },
      yourLink: one.json().id,
      otherLink: { id: two.json().id, exists: true, ownerBureau: 'JO' },
      yourStatus: 'open',
    });
    expect(joSuggestions[0].otherLink).toMatchObject({ id: one.json().id, ownerBureau: 'FR' });
    expect((await ng.get('/api/v1/networks/suggestions')).json().items).toEqual([]);
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['topic', 'access'])
      .where('topic', '=', 'networks.suggestion')
      .execute();
    expect(events.map((e) => JSON.parse(e.access).ownerBureau).sort()).toEqual(['FR', 'JO']);
    const accepted = await fr.post(`/api/v1/networks/suggestions/${frSuggestions[0].id}/accept`);
    expect(accepted.json().yourStatus).toBe('accepted');
    expect((await ng.post(`/api/v1/networks/suggestions/${frSuggestions[0].id}/dismiss`)).statusCode).toBe(
      404,
    );
    // The neighbourhood of the phone reaches both cells through their links.
    const around = await ng.post('/api/v1/networks/neighbourhood', {
      node: { kind: 'entity', id: one.json().to.id },
      hops: 1,
      purpose,
    });
    expect(
      around
        .json()
        .nodes.map((n: { id: string }) => n.id)
        .sort(),
    ).toEqual([a, c, one.json().to.id].sort());
  });
});

describe('CBRNE', () => {
  it('keeps a CBRNE incident and its links from analysts without the cbrne capability', async () => {
    const incident = (
      await create(joCt, 'cbrne', {
        ...envelope('JO-CB-1'),
        data: {
          incidentReference: 'AMM-2025-7',
          incidentType: 'explosive',
          country: 'JO',
          constructionMethod: 'Pressure-cooker charge with a mobile-phone initiator',
          concealmentMethod: 'Hidden in a rice sack',
        },
      })
    ).id;
    const l = await joCt.post('/api/v1/networks/links', link(rec(c), rec(incident), { type: 'involved_in' }));
    expect(l.statusCode).toBe(201);
    const byCt = await joCt.post('/api/v1/networks/neighbourhood', { node: rec(c), hops: 1, purpose });
    expect(byCt.json().nodes.map((n: { id: string }) => n.id)).toContain(incident);
    const byOfficer = await jo.post('/api/v1/networks/neighbourhood', { node: rec(c), hops: 1, purpose });
    expect(byOfficer.json().nodes.map((n: { id: string }) => n.id)).not.toContain(incident);
    expect(JSON.stringify(byOfficer.json())).not.toContain(l.json().id);
    expect((await jo.get(`/api/v1/networks/links/${l.json().id}`)).statusCode).toBe(404);
    expect((await jo.post('/api/v1/networks/links', link(rec(c), rec(incident)))).statusCode).toBe(404);
  });
});

describe('analyses', () => {
  it('finds a shortest path and common neighbours over visible links only, and needs the networks capability', async () => {
    const x = (await create(fr, 'organisations', org('FR-ORG-X', 'X-ray'))).id;
    const y = (await create(fr, 'organisations', org('FR-ORG-Y', 'Yankee'))).id;
    await fr.post('/api/v1/networks/links', link(rec(x), rec(b))); // through a node JO cannot see
    await fr.post('/api/v1/networks/links', link(rec(b), rec(y)));
    const frPath = await fr.post('/api/v1/networks/path', { from: rec(x), to: rec(y), purpose });
    expect(frPath.json()).toMatchObject({ found: true, hops: 2 });
    expect(frPath.json().nodes.map((n: { id: string }) => n.id)).toEqual([x, b, y]);
    const joPath = await jo.post('/api/v1/networks/path', { from: rec(x), to: rec(y), purpose });
    expect(joPath.json()).toEqual({ found: false, hops: null, nodes: [], links: [] });
    const common = await fr.post('/api/v1/networks/common', { a: rec(x), b: rec(y), purpose });
    expect(common.json().nodes.map((n: { id: string }) => n.id)).toEqual([b]);
    expect(
      (await jo.post('/api/v1/networks/common', { a: rec(x), b: rec(y), purpose })).json().nodes,
    ).toEqual([]);
    expect(
      (await jo.post('/api/v1/networks/neighbourhood', { node: rec(b), hops: 1, purpose })).statusCode,
    ).toBe(404);
    const fiu = await officer(t.app, 'fr.financial');
    expect(
      (await fiu.post('/api/v1/networks/neighbourhood', { node: rec(x), hops: 1, purpose })).statusCode,
    ).toBe(403);
  });
});
