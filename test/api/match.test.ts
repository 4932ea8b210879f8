// POST /match: several keyed person queries in one call, yente-style, each answered with scored
// results, a match flag at the threshold and explanations; a match on another bureau's record
// is a hit like any search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, create, envelope, officer } from '../support/records.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fr: Client;
let jo: Client;
beforeAll(async () => {
  t = await createTestApp();
  fr = await officer(t.app, 'fr.officer');
  jo = await officer(t.app, 'jo.officer');
  await create(jo, 'nominal', {
    ...envelope('JO-P-1', { legalBasis: 'Jordanian code of criminal procedure' }),
    data: {
      names: [{ written: 'محمد عبد الله', script: 'Arab' }],
      sex: 'male',
      dateOfBirth: '1979-05-02',
      nationalities: ['JO'],
      status: 'wanted',
    },
  });
});
afterAll(async () => t?.close());

describe('POST /match', () => {
  it('answers each keyed query; a Latin spelling in another order finds the Arabic record', async () => {
    const res = await fr.post('/api/v1/match', {
      purpose: 'Screening a passenger list',
      queries: {
        q1: {
          schema: 'Person',
          properties: { name: ['ABDALLA, Mohamed'], birthDate: ['1979'], nationality: ['jo'] },
        },
        q2: { schema: 'Person', properties: { name: ['John Smith'] } },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const [top] = body.responses.q1.results;
    expect(top).toMatchObject({ schema: 'Person', match: true });
    expect(top.score).toBeGreaterThanOrEqual(body.threshold);
    expect(top.explanations[0]).toMatch(/^name \d+%/);
    expect(top.hitId).toBeTruthy();
    expect(body.responses.q2.results).toEqual([]);
  });

  it('names the field at fault', async () => {
    const res = await fr.post('/api/v1/match', {
      purpose: 'Screening',
      queries: { q1: { schema: 'Company', properties: { name: ['ACME'] } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toMatch(/^queries\.q1\.schema/);
  });
});
