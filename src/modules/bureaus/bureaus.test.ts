import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { GENERAL_SECRETARIAT } from '../../platform/auth/principal.js';
import {
  allBureauRows,
  generalSecretariatRow,
  type MembershipData,
  memberRows,
  membershipProblems,
  REGIONS,
} from './bureaus.data.js';
import { BureauCodeParam, BureauSchema, toBureauDto } from './bureaus.schema.js';
import { bureauExists, getBureau, listBureaus, seedBureaus } from './bureaus.store.js';
import membersJson from './members.json' with { type: 'json' };

const ARABIC = /\p{Script=Arabic}/u;

describe('membership list', () => {
  const members = memberRows();
  const codes = new Set(members.map((m) => m.code));

  it('has exactly 196 unique members plus the General Secretariat', () => {
    expect(members).toHaveLength(196);
    expect(codes.size).toBe(196);
    expect(codes.has(GENERAL_SECRETARIAT)).toBe(false);
    expect(allBureauRows()).toHaveLength(197);
    expect(generalSecretariatRow()).toMatchObject({
      code: 'XG',
      kind: 'general_secretariat',
      region: 'general_secretariat',
      name_en: 'General Secretariat',
    });
  });

  it('includes known members and excludes non-members', () => {
    for (const c of ['FR', 'JO', 'BR', 'NG', 'JP', 'US', 'VA', 'PS', 'CW', 'AW', 'SX', 'FM', 'PW']) {
      expect(codes.has(c), c).toBe(true);
    }
    for (const c of ['KP', 'TV', 'XK', 'TW', 'PR']) expect(codes.has(c), c).toBe(false);
  });

  it('places every member in an INTERPOL region', () => {
    for (const m of members) {
      expect(m.kind).toBe('member');
      expect(REGIONS).toContain(m.region);
    }
    const region = (c: string) => members.find((m) => m.code === c)?.region;
    expect(region('FR')).toBe('europe');
    expect(region('JO')).toBe('middle_east_north_africa');
    expect(region('PS')).toBe('middle_east_north_africa');
    expect(region('NG')).toBe('africa');
    expect(region('BR')).toBe('americas');
    expect(region('CW')).toBe('americas');
    expect(region('JP')).toBe('asia_south_pacific');
    for (const r of REGIONS)
      expect(
        members.some((m) => m.region === r),
        r,
      ).toBe(true);
  });

  it('names every member in Arabic, English, French and Spanish', () => {
    for (const m of members) {
      for (const n of [m.name_en, m.name_fr, m.name_es, m.name_ar]) {
        expect(typeof n, m.code).toBe('string');
        expect(n.trim().length, m.code).toBeGreaterThan(0);
      }
      expect(m.name_ar, m.code).toMatch(ARABIC);
      expect(m.name_en, m.code).not.toMatch(ARABIC);
    }
    expect(members.find((m) => m.code === 'FR')).toMatchObject({
      name_en: 'France',
      name_fr: 'France',
      name_es: 'Francia',
      name_ar: 'فرنسا',
    });
    expect(generalSecretariatRow().name_ar).toMatch(ARABIC);
  });

  it('rejects an invalid list', () => {
    const data = structuredClone(membersJson) as MembershipData;
    expect(membershipProblems(data)).toEqual([]);
    data.members[0] = { code: 'ZZ', region: 'atlantis' };
    data.members.push({ code: 'FR', region: 'europe' });
    const problems = membershipProblems(data).join('\n');
    expect(problems).toMatch(/expected 196 members/);
    expect(problems).toMatch(/ZZ: not an ISO/);
    expect(problems).toMatch(/unknown region 'atlantis'/);
    expect(problems).toMatch(/FR: listed twice/);
  });
});

describe('API schema', () => {
  it('maps rows to DTOs that satisfy the schema', () => {
    for (const row of allBureauRows()) {
      const dto = toBureauDto(row);
      expect(Value.Check(BureauSchema, dto), row.code).toBe(true);
    }
    expect(toBureauDto(generalSecretariatRow()).names.fr).toBe('Secrétariat général');
  });

  it('accepts only two upper-case letters as a code', () => {
    expect(Value.Check(BureauCodeParam, { code: 'FR' })).toBe(true);
    for (const code of ['fr', 'FRA', 'F', '', 'F1'])
      expect(Value.Check(BureauCodeParam, { code }), code).toBe(false);
  });
});

describe('bureaus store', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('seeds all bureaus, idempotently', async () => {
    expect(await seedBureaus(t.db)).toBe(197);
    const first = await listBureaus(t.db);
    expect(first).toHaveLength(197);

    // A drifted row is brought back in line; seeding again adds nothing.
    await t.db
      .updateTable('bureaus')
      .set({ name_en: 'Stale', region: 'europe' })
      .where('code', '=', 'JO')
      .execute();
    await seedBureaus(t.db);
    await seedBureaus(t.db);
    const again = await listBureaus(t.db);
    expect(again).toEqual(first);
    expect(await getBureau(t.db, 'JO')).toMatchObject({
      name_en: 'Jordan',
      region: 'middle_east_north_africa',
    });
  });

  it('seeds inside a transaction too', async () => {
    await t.db.transaction().execute(async (tx) => {
      await seedBureaus(tx);
      expect(await listBureaus(tx)).toHaveLength(197);
    });
  });

  it('lists by region', async () => {
    const all = await listBureaus(t.db);
    expect(all.map((b) => b.code)).toEqual([...all.map((b) => b.code)].sort());
    let total = 0;
    for (const region of REGIONS) {
      const rows = await listBureaus(t.db, { region });
      expect(rows.length, region).toBeGreaterThan(0);
      expect(rows.every((r) => r.region === region && r.kind === 'member')).toBe(true);
      total += rows.length;
    }
    expect(total).toBe(196);
    const mena = (await listBureaus(t.db, { region: 'middle_east_north_africa' })).map((b) => b.code);
    expect(mena).toContain('JO');
    expect(mena).not.toContain('FR');
    const gs = await listBureaus(t.db, { region: 'general_secretariat' });
    expect(gs.map((b) => b.code)).toEqual(['XG']);
  });

  it('gets a bureau and tells whether one exists', async () => {
    const fr = await getBureau(t.db, 'FR');
    expect(fr).toEqual({
      code: 'FR',
      kind: 'member',
      region: 'europe',
      name_en: 'France',
      name_fr: 'France',
      name_es: 'Francia',
      name_ar: 'فرنسا',
    });
    expect((await getBureau(t.db, 'XG'))?.kind).toBe('general_secretariat');
    expect(await getBureau(t.db, 'KP')).toBeUndefined();
    expect(await bureauExists(t.db, 'PS')).toBe(true);
    expect(await bureauExists(t.db, 'XG')).toBe(true);
    expect(await bureauExists(t.db, 'TV')).toBe(false);
    expect(await bureauExists(t.db, 'fr')).toBe(false);
  });
});
