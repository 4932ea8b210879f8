// The demo's child-exploitation media (generated abstract pictures, not real material), seeded
// through the ICSE services: each state an officer meets is there, computed by the matching.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoIcse } from '../../../src/modules/demo/demo.icse.js';
import { officer } from '../../support/records.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('seeds a known series with its victim not identified, one identified by Jordan, and new material', async () => {
  expect(await seedDemoIcse(t.ctx)).toBe(7);
  expect(await seedDemoIcse(t.ctx)).toBe(0); // once only

  const jo = await officer(t.app, 'jo.childprotection');
  const us = await officer(t.app, 'us.childprotection');
  const series = (await jo.get('/api/v1/icse/series')).json().items as { name: string; status: string }[];
  expect(series.map((s) => `${s.name}:${s.status}`).sort()).toEqual([
    'Garden set (demo):known',
    'Lake set (demo):victim_identified',
  ]);

  const joMedia = (await jo.get('/api/v1/icse/media?own=true')).json().items as {
    id: string;
    fileName: string;
    batchId: string | null;
  }[];
  const seized = joMedia.find((m) => m.fileName === 'seized-0417.jpg')!;
  const groups = (await jo.get(`/api/v1/icse/batches/${seized.batchId}`)).json().groups as {
    status: string;
    series: { name: string } | null;
  }[];
  expect(groups.map((g) => `${g.status}:${g.series?.name ?? ''}`)).toEqual([
    'known:Garden set (demo)',
    'new:',
  ]);

  const usMedia = (await us.get('/api/v1/icse/media?own=true')).json().items as {
    id: string;
    fileName: string;
  }[];
  const mirrored = usMedia.find((m) => m.fileName === 'case-5512-img7.jpg')!;
  const read = (await us.get(`/api/v1/icse/media/${mirrored.id}`)).json();
  expect(read.status).toBe('victim_identified');
  expect(read.matches[0]).toMatchObject({ kind: 'pdq', ownerBureau: 'JO' });
  const told = (await us.get('/api/v1/icse/notifications')).json().items;
  expect(told).toContainEqual(
    expect.objectContaining({
      kind: 'victim_identified',
      details: expect.objectContaining({ identifiedByBureau: 'JO' }),
    }),
  );
});
