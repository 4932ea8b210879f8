// The HTTP contract every client relies on: problem answers for bad input, idempotent POSTs,
// health, metrics, OpenAPI, request ids and security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ env: { MERIDIAN_BODY_LIMIT_BYTES: '4096' } });
  cookie = await signIn(t.app, 'fr.admin');
});
afterAll(async () => t?.close());

const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie, 'content-type': 'application/json', ...headers },
  });

interface ProblemBody {
  status: number;
  code: string;
  detail: string;
  requestId?: string;
  errors: { field: string; message: string }[];
}

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json: () => ProblemBody },
  status: number,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({
    status,
    title: expect.any(String),
    detail: expect.any(String),
    code: expect.any(String),
  });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
  return body;
}

describe('bad input gets a clear 4xx, never a 500', () => {
  it('malformed JSON', async () => {
    const body = expectProblem(await post('/api/v1/bureaus/FR/units', '{"name": "x",'), 400);
    expect(body.code).toBe('malformed_json');
  });

  it('an unknown field is named', async () => {
    const res = await post(
      '/api/v1/bureaus/FR/units',
      JSON.stringify({ name: 'Unit A', kind: 'other', capabilities: [], colour: 'red' }),
    );
    const body = expectProblem(res, 400);
    expect(body.errors).toContainEqual({ field: 'colour', message: 'is not a known field' });
  });

  it('a wrong type and a missing field are named', async () => {
    const res = await post('/api/v1/bureaus/FR/units', JSON.stringify({ name: 42, capabilities: 'all' }));
    const body = expectProblem(res, 400);
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'kind', 'capabilities']));
  });

  it('a body over the limit', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(10_000), kind: 'other', capabilities: [] });
    expect(expectProblem(await post('/api/v1/bureaus/FR/units', big), 413).code).toBe('body_too_large');
  });

  it('an unsupported media type', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: 'username=a',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(res, 415);
  });

  it('a bad path parameter and an unknown route', async () => {
    const bad = expectProblem(await as(t.app, { cookie }).get('/api/v1/bureaus/france/units'), 400);
    expect(bad.errors[0]?.field).toBe('params.code');
    expectProblem(await as(t.app, { cookie }).get('/api/v1/nothing-here'), 404);
  });

  it('calls without credentials', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/bureaus' }), 401);
    expect(body.code).toBe('not_signed_in');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer to a retried POST and creates nothing twice', async () => {
    const payload = JSON.stringify({
      name: 'Marseille port',
      kind: 'border_post',
      capabilities: ['screening'],
    });
    const first = await post('/api/v1/bureaus/FR/units', payload, { 'idempotency-key': 'retry-1' });
    const again = await post('/api/v1/bureaus/FR/units', payload, { 'idempotency-key': 'retry-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const units = await t.ctx.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', 'Marseille port')
      .execute();
    expect(units).toHaveLength(1);
  });

  it('refuses the same key for a different request', async () => {
    await post(
      '/api/v1/bureaus/FR/units',
      JSON.stringify({ name: 'Nice port', kind: 'border_post', capabilities: [] }),
      {
        'idempotency-key': 'retry-2',
      },
    );
    const other = await post(
      '/api/v1/bureaus/FR/units',
      JSON.stringify({ name: 'Brest port', kind: 'border_post', capabilities: [] }),
      {
        'idempotency-key': 'retry-2',
      },
    );
    expect(expectProblem(other, 422).code).toBe('idempotency_key_reused');
  });

  it('frees the key when the first try was refused, so a corrected retry works', async () => {
    const bad = await post(
      '/api/v1/bureaus/FR/units',
      JSON.stringify({ name: 'Z', kind: 'other', capabilities: [] }),
      {
        'idempotency-key': 'retry-3',
      },
    );
    expect(bad.statusCode).toBe(400);
    const corrected = JSON.stringify({ name: 'Zulu unit', kind: 'other', capabilities: [] });
    const good = await post('/api/v1/bureaus/FR/units', corrected, { 'idempotency-key': 'retry-3' });
    expect(good.statusCode).toBe(201);
    const replay = await post('/api/v1/bureaus/FR/units', corrected, { 'idempotency-key': 'retry-3' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(good.json().id);
  });

  it('lets two copies arriving together create one thing', async () => {
    const payload = JSON.stringify({ name: 'Toulouse airport', kind: 'border_post', capabilities: [] });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        post('/api/v1/bureaus/FR/units', payload, { 'idempotency-key': 'burst-1' }),
      ),
    );
    expect(results.every((r) => [201, 409].includes(r.statusCode))).toBe(true);
    const units = await t.ctx.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', 'Toulouse airport')
      .execute();
    expect(units).toHaveLength(1);
  });
});

describe('operations', () => {
  it('health, readiness and metrics', async () => {
    expect((await t.app.inject({ url: '/health/live' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().database).toBe(t.ctx.handle.dialect);
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.body).toContain('meridian_http_requests_total');
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it('publishes an OpenAPI 3.1 document and a browsable page', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/bureaus/{code}/units', '/api/v1/audit']),
    );
    const page = await t.app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('echoes a request id and sends security headers', async () => {
    const res = await t.app.inject({ url: '/api/v1/meta', headers: { 'x-request-id': 'border-123' } });
    expect(res.headers['x-request-id']).toBe('border-123');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json()).toMatchObject({ languages: ['ar', 'en', 'fr', 'es'], demo: true });
    const err = await t.app.inject({ url: '/api/v1/bureaus' });
    expect(err.json().requestId).toBe(err.headers['x-request-id']);
  });
});

describe('messages a client can act on', () => {
  it('lists the allowed choices for a field that takes one of several values, once', async () => {
    const res = await post(
      '/api/v1/bureaus/FR/units',
      JSON.stringify({ name: 'Unit B', kind: 'spaceship', capabilities: ['flying'] }),
    );
    const body = expectProblem(res, 400);
    const kind = body.errors.filter((e) => e.field === 'kind');
    expect(kind).toHaveLength(1);
    expect(kind[0]!.message).toBe(
      'must be one of: ncb_office, cybercrime, financial_intelligence, counter_terrorism, child_protection, border_post, other',
    );
    const cap = body.errors.filter((e) => e.field === 'capabilities.0');
    expect(cap).toHaveLength(1);
    expect(cap[0]!.message).toMatch(/^must be one of: databases, screening/);
  });
});
