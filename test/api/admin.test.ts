// A bureau administrator manages their bureau's units, users and API keys — and only theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let frAdmin: ReturnType<typeof as>;
let joAdmin: ReturnType<typeof as>;
let gsAdmin: ReturnType<typeof as>;
let frOfficer: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp();
  frAdmin = as(t.app, { cookie: await signIn(t.app, 'fr.admin') });
  joAdmin = as(t.app, { cookie: await signIn(t.app, 'jo.admin') });
  gsAdmin = as(t.app, { cookie: await signIn(t.app, 'xg.admin') });
  frOfficer = as(t.app, { cookie: await signIn(t.app, 'fr.officer') });
});
afterAll(async () => t?.close());

describe('units', () => {
  it('creates, lists and updates a unit with optimistic concurrency', async () => {
    const created = await frAdmin.post('/api/v1/bureaus/FR/units', {
      name: 'Lyon airport border post',
      kind: 'border_post',
      capabilities: ['screening', 'databases'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const unit = created.json();
    expect(unit).toMatchObject({ bureauCode: 'FR', kind: 'border_post', active: true, version: 1 });

    const list = await frOfficer.get('/api/v1/bureaus/FR/units');
    expect(list.json().items.map((u: { name: string }) => u.name)).toContain('Lyon airport border post');

    const url = `/api/v1/bureaus/FR/units/${unit.id}`;
    expect((await frAdmin.patch(url, { name: 'Lyon-Saint Exupéry border post' })).statusCode).toBe(428);
    const ok = await frAdmin.patch(url, { name: 'Lyon-Saint Exupéry border post' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await frAdmin.patch(url, { active: false }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('stale_version');
  });

  it('refuses a duplicate name, an unknown kind and an unknown capability, naming the field', async () => {
    const dup = await frAdmin.post('/api/v1/bureaus/FR/units', {
      name: 'Cybercrime unit',
      kind: 'cybercrime',
      capabilities: [],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('name');
    const kind = await frAdmin.post('/api/v1/bureaus/FR/units', {
      name: 'X unit',
      kind: 'spaceship',
      capabilities: [],
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors.map((e: { field: string }) => e.field)).toContain('kind');
    const cap = await frAdmin.post('/api/v1/bureaus/FR/units', {
      name: 'Y unit',
      kind: 'other',
      capabilities: ['flying'],
    });
    expect(cap.statusCode).toBe(400);
    expect(cap.json().errors.map((e: { field: string }) => e.field)).toContain('capabilities.0');
  });

  it('lets only that bureau’s administrators, or the General Secretariat’s, change its units', async () => {
    const body = { name: 'Amman border post', kind: 'border_post', capabilities: ['screening'] };
    expect((await frAdmin.post('/api/v1/bureaus/JO/units', body)).statusCode).toBe(403);
    expect(
      (await frOfficer.post('/api/v1/bureaus/FR/units', { ...body, name: 'Officer unit' })).statusCode,
    ).toBe(403);
    expect((await joAdmin.post('/api/v1/bureaus/JO/units', body)).statusCode).toBe(201);
    expect((await gsAdmin.post('/api/v1/bureaus/NG/units', { ...body, name: 'Lagos port' })).statusCode).toBe(
      201,
    );
  });

  it('answers "not found or no access" for another bureau’s unit list and an unknown bureau', async () => {
    const other = await frOfficer.get('/api/v1/bureaus/JO/units');
    expect(other.statusCode).toBe(404);
    expect(other.json().detail).toBe('Not found or no access');
    expect((await frAdmin.get('/api/v1/bureaus/ZZ/units')).statusCode).toBe(404);
  });
});

describe('users', () => {
  it('creates a user in a unit and changes their roles', async () => {
    const units = (await frAdmin.get('/api/v1/bureaus/FR/units')).json().items as {
      id: string;
      name: string;
    }[];
    const cyber = units.find((u) => u.name === 'Cybercrime unit')!;
    const res = await frAdmin.post('/api/v1/bureaus/FR/users', {
      username: 'fr.analyst',
      displayName: 'Nadia Roux',
      password: 'correct horse battery',
      roles: ['officer'],
      unitId: cyber.id,
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'fr.analyst',
      unitId: cyber.id,
      roles: ['officer'],
      totpEnabled: false,
    });
    expect(JSON.stringify(user)).not.toContain('password');

    const analyst = as(t.app, { cookie: await signIn(t.app, 'fr.analyst', 'correct horse battery') });
    expect((await analyst.get('/api/v1/auth/me')).json().capabilities).toEqual([
      'databases',
      'messaging',
      'notices',
      'networks',
    ]);

    const changed = await frAdmin.patch(
      `/api/v1/bureaus/FR/users/${user.id}`,
      { roles: ['officer', 'supervisor'] },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode).toBe(200);
    // A change of roles ends the user's sessions so it takes effect at once.
    expect((await analyst.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a short password, a taken username, a GS-only role and a unit of another bureau', async () => {
    const base = { username: 'fr.new', displayName: 'New', password: 'long-enough-pass', roles: ['officer'] };
    const short = await frAdmin.post('/api/v1/bureaus/FR/users', { ...base, password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('password');
    const taken = await frAdmin.post('/api/v1/bureaus/FR/users', { ...base, username: 'fr.officer' });
    expect(taken.statusCode).toBe(409);
    const gsRole = await frAdmin.post('/api/v1/bureaus/FR/users', { ...base, roles: ['gs_reviewer'] });
    expect(gsRole.statusCode).toBe(400);
    expect(gsRole.json().errors[0].field).toBe('roles');
    const joUnits = (await joAdmin.get('/api/v1/bureaus/JO/units')).json().items as { id: string }[];
    const foreign = await frAdmin.post('/api/v1/bureaus/FR/users', { ...base, unitId: joUnits[0]!.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('unitId');
  });

  it('does not let one bureau’s administrator see or change another’s users', async () => {
    expect((await frAdmin.get('/api/v1/bureaus/JO/users')).statusCode).toBe(403);
    const joUsers = (await joAdmin.get('/api/v1/bureaus/JO/users')).json().items as { id: string }[];
    const res = await frAdmin.post(`/api/v1/bureaus/JO/users/${joUsers[0]!.id}/reset-totp`);
    expect(res.statusCode).toBe(403);
    expect((await frOfficer.get('/api/v1/bureaus/FR/users')).statusCode).toBe(403);
  });
});

describe('API keys', () => {
  it('shows a new key once, stores only its hash, and limits it to the unit’s capabilities', async () => {
    const units = (await frAdmin.get('/api/v1/bureaus/FR/units')).json().items as {
      id: string;
      name: string;
    }[];
    const cdg = units.find((u) => u.name.includes('Charles de Gaulle'))!;
    const beyond = await frAdmin.post('/api/v1/bureaus/FR/api-keys', {
      name: 'Bad',
      unitId: cdg.id,
      capabilities: ['icse'],
    });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().errors[0].field).toBe('capabilities');

    const created = await frAdmin.post('/api/v1/bureaus/FR/api-keys', {
      name: 'CDG kiosks',
      unitId: cdg.id,
      capabilities: ['screening', 'databases'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { key, id } = created.json();
    expect(key).toMatch(/^mk_[A-Za-z0-9]{8}_/);

    const list = await frAdmin.get('/api/v1/bureaus/FR/api-keys');
    expect(list.body).not.toContain(key);
    expect(list.json().items.find((k: { id: string }) => k.id === id)).toMatchObject({
      name: 'CDG kiosks',
      revokedAt: null,
    });

    const me = await as(t.app, { apiKey: key }).get('/api/v1/auth/me');
    expect(me.json().capabilities).toEqual(['screening', 'databases']);
    expect((await joAdmin.get('/api/v1/bureaus/FR/api-keys')).statusCode).toBe(403);
  });

  it('records every administrative change in the audit chain', async () => {
    const actions = (await t.ctx.db.selectFrom('audit_events').select('action').execute()).map(
      (r) => r.action,
    );
    for (const a of [
      'unit.create',
      'unit.update',
      'user.create',
      'user.update',
      'apikey.create',
      'apikey.revoke',
    ]) {
      if (a === 'apikey.revoke') continue; // revoked in the auth suite
      expect(actions).toContain(a);
    }
  });
});
