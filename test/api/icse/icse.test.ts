// Child-exploitation media through the API, on SQLite and PostgreSQL: only users of
// child-protection units get in; uploads are hashed (exact and PDQ, the reference's hash),
// sealed at rest and matched — exact copies, rotated copies, imported hash lists — against what
// other bureaus hold; results say at once whether a series is known and its victim identified;
// identifying a victim tells every unit holding matching media; previews are blurred and the
// original is shown only on an audited reveal with a reason.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, officer } from '../../support/records.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const PDQ_DIR = path.resolve(import.meta.dirname, '../../../../shared/testdata/pdq');
const image = (rel: string) => fs.readFileSync(path.join(PDQ_DIR, 'images', rel));
const referenceHash = (rel: string) =>
  fs
    .readFileSync(path.join(PDQ_DIR, 'reference-hashes.csv'), 'utf8')
    .split('\n')
    .find((l) => l.endsWith(`,${rel}`))!
    .split(',')[0]!;
const hamming = (a: string, b: string) => {
  let d = 0;
  for (let i = 0; i < 64; i += 8) {
    let x = (Number.parseInt(a.slice(i, i + 8), 16) ^ Number.parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      d += x & 1;
      x >>>= 1;
    }
  }
  return d;
};

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const ORIGINAL = 'reg-test-input/dih/bridge-1-original.jpg';
const ROTATED = 'reg-test-input/dih/bridge-3-rotate-180.jpg';
const UNRELATED = 'reg-test-input/labelme-subset/q0122.jpg';

type Result = {
  media: {
    id: string;
    sha256: string;
    md5: string;
    sha1: string;
    pdq: string;
    quality: number;
    version: number;
    seriesId: string | null;
  };
  status: string;
  matches: { mediaId: string; kind: string; distance: number; ownerBureau: string }[];
  series: {
    id: string;
    name: string;
    status: string;
    victims: { id: string; identified: boolean; identifiedByBureau: string | null }[];
  }[];
};

const upload = (c: Client, rel: string, extra: Record<string, unknown> = {}, content = image(rel)) =>
  c.post('/api/v1/icse/media', {
    fileName: path.basename(rel),
    contentType: rel.endsWith('.png') ? 'image/png' : 'image/jpeg',
    contentBase64: content.toString('base64'),
    ...extra,
  });

let t: TestApp;
let us: Client; // us.childprotection
let jo: Client; // jo.childprotection
let original: Result;
let seriesId: string;
let victimId: string;

beforeAll(async () => {
  t = await createTestApp();
  us = await officer(t.app, 'us.childprotection');
  jo = await officer(t.app, 'jo.childprotection');
});
afterAll(async () => t?.close());

describe('ICSE', () => {
  it('is closed to everyone outside a child-protection unit, the owner bureau and the General Secretariat included', async () => {
    const outsiders = [
      await officer(t.app, 'fr.officer'),
      await officer(t.app, 'us.officer'), // the same bureau as the unit, but not in it
      await officer(t.app, 'jo.ct'),
      await officer(t.app, 'xg.officer'),
      await officer(t.app, 'xg.reviewer'),
      await officer(t.app, 'xg.dpo'), // the GS data-protection officer reviews everything else, not this
    ];
    const res = await upload(us, ORIGINAL);
    expect(res.statusCode).toBe(201);
    original = res.json();
    for (const c of outsiders) {
      for (const r of [
        await upload(c, ORIGINAL),
        await c.get('/api/v1/icse/series'),
        await c.get(`/api/v1/icse/media/${original.media.id}`),
        await c.get(`/api/v1/icse/media/${original.media.id}/preview`),
        await c.post(`/api/v1/icse/media/${original.media.id}/reveal`, { reason: 'curiosity, not allowed' }),
        await c.get('/api/v1/icse/export/vics'),
      ]) {
        expect(r.statusCode).toBe(403);
        expect(r.headers['content-type']).toContain('application/problem+json');
      }
    }
    const key = await t.app.inject({
      method: 'GET',
      url: '/api/v1/icse/series',
      headers: { authorization: `Bearer ${t.demoApiKey}` },
    });
    expect(key.statusCode).toBe(403);
  });

  it('hashes an upload like the reference PDQ hasher and the exact digests, and seals its bytes at rest', async () => {
    const bytes = image(ORIGINAL);
    expect(hamming(original.media.pdq, referenceHash(ORIGINAL))).toBeLessThanOrEqual(10);
    expect(original.media.quality).toBeGreaterThanOrEqual(80);
    expect(original.media.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(original.media.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(original.status).toBe('new');
    const row = await t.ctx.db
      .selectFrom('icse_content')
      .selectAll()
      .where('media_id', '=', original.media.id)
      .executeTakeFirstOrThrow();
    const sealed = Buffer.from(row.original);
    expect(sealed.includes(bytes.subarray(0, 64))).toBe(false);
    expect(sealed.includes(bytes.subarray(5000, 5064))).toBe(false);
    // The same bytes again from the same bureau are the same medium.
    const again = await upload(us, ORIGINAL);
    expect(again.statusCode).toBe(200);
    expect(again.json().media.id).toBe(original.media.id);
    // Even when the two uploads race each other.
    const other = image('reg-test-input/labelme-subset/q0291.jpg');
    const raced = await Promise.all([1, 2, 3].map(() => upload(us, 'q0291.jpg', {}, other)));
    expect(new Set(raced.map((r) => r.json().media.id)).size).toBe(1);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
  });

  it('refuses what is not an image or a video, naming the field', async () => {
    const bad = [
      [await upload(us, ORIGINAL, { contentType: 'text/plain' }), 'contentType'],
      [await upload(us, ORIGINAL, {}, Buffer.from('not an image at all')), 'content'],
      [await upload(us, ORIGINAL, { contentBase64: '***' }), 'contentBase64'],
      [
        await us.post('/api/v1/icse/media', { fileName: 'x.jpg', contentType: 'image/jpeg' }),
        'contentBase64',
      ],
    ] as const;
    for (const [res, field] of bad) {
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
  });

  it('shows a blurred greyscale preview, and the original only on a reveal with a reason, both audited', async () => {
    const preview = await us.get(`/api/v1/icse/media/${original.media.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('image/jpeg');
    expect(preview.headers['cache-control']).toContain('no-store');
    const meta = await sharp(preview.rawPayload).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(320);
    const stats = await sharp(preview.rawPayload).stats();
    // Greyscale: the channels agree.
    if (stats.channels.length >= 3)
      expect(Math.abs(stats.channels[0]!.mean - stats.channels[2]!.mean)).toBeLessThan(1);

    const noReason = await jo.post(`/api/v1/icse/media/${original.media.id}/reveal`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const revealed = await jo.post(`/api/v1/icse/media/${original.media.id}/reveal`, {
      reason: 'Comparing with seized material, case JO-2026-114',
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.rawPayload.equals(image(ORIGINAL))).toBe(true);
    expect(revealed.headers['cache-control']).toContain('no-store');

    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'purpose', 'bureau_code as bureau'])
      .where('action', 'in', ['icse.media.preview', 'icse.media.reveal'])
      .execute();
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'icse.media.preview', outcome: 'success', bureau: 'US' }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'icse.media.reveal',
        outcome: 'success',
        bureau: 'JO',
        purpose: 'Comparing with seized material, case JO-2026-114',
      }),
    );
  });

  it('builds a series with a victim, and a rotated copy elsewhere finds it: known, victim not yet identified', async () => {
    const s = await us.post('/api/v1/icse/series', {
      name: 'Bridge series',
      description: 'Outdoor set, 2026',
    });
    expect(s.statusCode).toBe(201);
    seriesId = s.json().id;
    const v = await us.post(`/api/v1/icse/series/${seriesId}/subjects`, {
      role: 'victim',
      label: 'Girl, about 9',
    });
    expect(v.statusCode).toBe(201);
    victimId = v.json().id;
    const classified = await us.patch(
      `/api/v1/icse/media/${original.media.id}`,
      { category: 1, seriesId, subjectIds: [victimId] },
      { 'if-match': `"${original.media.version}"` },
    );
    expect(classified.statusCode).toBe(200);

    const rotated = await upload(jo, ROTATED);
    expect(rotated.statusCode).toBe(201);
    const r: Result = rotated.json();
    expect(r.matches).toContainEqual(
      expect.objectContaining({ mediaId: original.media.id, kind: 'pdq', ownerBureau: 'US' }),
    );
    expect(r.matches[0]!.distance).toBeLessThanOrEqual(31);
    expect(r.status).toBe('known');
    expect(r.series[0]).toMatchObject({ id: seriesId, name: 'Bridge series', status: 'known' });
    expect(r.series[0]!.victims[0]).toMatchObject({ identified: false });

    const exact = await upload(jo, ORIGINAL);
    expect(exact.statusCode).toBe(201);
    expect(exact.json().matches[0]).toMatchObject({
      mediaId: original.media.id,
      kind: 'sha256',
      distance: 0,
    });
  });

  it('marks the victim identified by its bureau and tells every unit holding matching media', async () => {
    const before = await jo.get('/api/v1/icse/notifications');
    expect(before.json().items).toHaveLength(0);
    const subject = await us.get(`/api/v1/icse/subjects/${victimId}`);
    expect(subject.json().holders).toEqual(['JO', 'US']);
    const stale = await us.post(`/api/v1/icse/subjects/${victimId}/identify`, {}, { 'if-match': '"9"' });
    expect(stale.statusCode).toBe(412);
    const done = await us.post(
      `/api/v1/icse/subjects/${victimId}/identify`,
      { notes: 'Safeguarded on 2026-11-20' },
      { 'if-match': subject.headers.etag as string },
    );
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      subject: { identified: true, identifiedByBureau: 'US' },
      notifiedUnits: 1,
    });

    const told = (await jo.get('/api/v1/icse/notifications')).json().items;
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: 'victim_identified',
      subjectId: victimId,
      seriesId,
      details: { identifiedByBureau: 'US', seriesName: 'Bridge series' },
    });
    expect((await jo.post(`/api/v1/icse/notifications/${told[0].id}/read`)).statusCode).toBe(204);

    // A new copy now says at once that this victim is identified, by whom.
    const later = (await upload(jo, 'reg-test-input/dih/bridge-5-flipx.jpg')).json() as Result;
    expect(later.status).toBe('victim_identified');
    expect(later.series[0]!.victims[0]).toMatchObject({ identified: true, identifiedByBureau: 'US' });
  });

  it('groups a batch of uploads by what they matched: the known series first, new material last', async () => {
    const batchId = '01937a1e-0000-7000-8000-000000000001';
    expect((await upload(jo, 'reg-test-input/dih/bridge-2-rotate-90.jpg', { batchId })).statusCode).toBe(201);
    expect((await upload(jo, UNRELATED, { batchId })).statusCode).toBe(201);
    const res = await jo.get(`/api/v1/icse/batches/${batchId}`);
    expect(res.statusCode).toBe(200);
    const groups = res.json().groups as {
      status: string;
      series: { name: string } | null;
      items: unknown[];
    }[];
    expect(groups.map((g) => g.status)).toEqual(['victim_identified', 'new']);
    expect(groups[0]!.series!.name).toBe('Bridge series');
    // Another bureau cannot read this bureau's batch.
    expect((await us.get(`/api/v1/icse/batches/${batchId}`)).json().groups).toEqual([]);
  });

  it('imports VICS and `meridian pdq` hash lists, matches them, and exports VICS', async () => {
    const bad = await jo.post('/api/v1/icse/import/vics', {
      'odata.metadata': 'http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases',
      value: [{ CaseNumber: 'JO-1', Media: [{ MediaID: 1, MD5: 'xyz', Category: 9 }] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'value/0/Media/0/MD5',
      'value/0/Media/0/Category',
    ]);

    const doc = {
      'odata.metadata': 'http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases',
      value: [
        {
          CaseNumber: 'JO-2026-7',
          Media: [
            {
              MediaID: 1,
              Category: 1,
              MD5: original.media.md5.toUpperCase(),
              SHA1: original.media.sha1.toUpperCase(),
              Series: 'Bridge series',
            },
            {
              MediaID: 2,
              Category: 2,
              MD5: 'a'.repeat(32),
              Series: 'Harbour series',
              VictimIdentified: false,
              AlternativeHashes: [{ HashName: 'PDQ', HashValue: referenceHash(ORIGINAL) }],
            },
          ],
        },
      ],
    };
    const res = await jo.post('/api/v1/icse/import/vics', doc);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2, skipped: 0, matched: 2, newSeries: 1 });
    const again = await jo.post('/api/v1/icse/import/vics', doc);
    expect(again.json()).toMatchObject({ imported: 0, skipped: 2 });

    const list = `hash,quality,file\n${referenceHash(UNRELATED)},100,${UNRELATED}\n`;
    const pdq = await us.post('/api/v1/icse/import/pdq', { csv: list });
    expect(pdq.json()).toEqual({ imported: 1, skipped: 0, matched: 1, newSeries: 0 });
    const badList = await us.post('/api/v1/icse/import/pdq', { csv: 'nothex,100,a.jpg' });
    expect(badList.statusCode).toBe(400);
    expect(badList.json().errors[0].field).toBe('csv/1');

    const exported = await us.get('/api/v1/icse/export/vics');
    expect(exported.statusCode).toBe(200);
    const media = exported.json().value.flatMap((c: { Media: unknown[] }) => c.Media);
    expect(media).toContainEqual(
      expect.objectContaining({
        MD5: original.media.md5.toUpperCase(),
        SHA1: original.media.sha1.toUpperCase(),
        Category: 1,
        Series: 'Bridge series',
        VictimIdentified: true,
        AlternativeHashes: [expect.objectContaining({ HashName: 'PDQ', HashValue: original.media.pdq })],
      }),
    );
  });

  it.skipIf(!hasFfmpeg)(
    'hashes videos frame by frame: a still of a known image is found, a re-encoded copy matches like vPDQ',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-icse-video-'));
      const make = (out: string, crf: number) =>
        execFileSync('ffmpeg', [
          '-v',
          'error',
          '-loop',
          '1',
          '-i',
          path.join(PDQ_DIR, 'images', ORIGINAL),
          '-t',
          '4',
          '-r',
          '5',
          '-vf',
          'scale=320:-2',
          '-pix_fmt',
          'yuv420p',
          '-crf',
          String(crf),
          path.join(dir, out),
        ]);
      make('a.mp4', 20);
      make('b.mp4', 35);
      const video = (c: Client, file: string) =>
        c.post('/api/v1/icse/media', {
          fileName: file,
          contentType: 'video/mp4',
          contentBase64: fs.readFileSync(path.join(dir, file)).toString('base64'),
        });
      const a = await video(jo, 'a.mp4');
      expect(a.statusCode).toBe(201);
      const ra: Result = a.json();
      expect(ra.matches).toContainEqual(expect.objectContaining({ mediaId: original.media.id, kind: 'pdq' }));
      expect((await jo.get(`/api/v1/icse/media/${ra.media.id}/preview`)).headers['content-type']).toBe(
        'image/jpeg',
      );
      const b = await video(us, 'b.mp4');
      expect(b.statusCode).toBe(201);
      expect(b.json().matches).toContainEqual(
        expect.objectContaining({ mediaId: ra.media.id, kind: 'vpdq' }),
      );
      // Without ffmpeg the server says it cannot hash videos (503), not that the video is bad.
      process.env.MERIDIAN_FFMPEG = '/nonexistent/ffmpeg';
      try {
        const none = await video(jo, 'b.mp4');
        expect(none.statusCode).toBe(503);
        expect(none.json().code).toBe('video_unavailable');
      } finally {
        delete process.env.MERIDIAN_FFMPEG;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );

  it('lists series with their status, and every read lands in the audit chain', async () => {
    const list = await jo.get('/api/v1/icse/series');
    expect(list.statusCode).toBe(200);
    const names = list.json().items.map((s: { name: string; status: string }) => `${s.name}:${s.status}`);
    expect(names).toEqual(
      expect.arrayContaining(['Bridge series:victim_identified', 'Harbour series:known']),
    );
    const series = await jo.get(`/api/v1/icse/series/${seriesId}`);
    expect(series.json().holders).toEqual(['JO', 'US']);
    const actions = (
      await t.ctx.db.selectFrom('audit_events').select('action').where('action', 'like', 'icse.%').execute()
    ).map((a) => a.action);
    for (const a of [
      'icse.media.upload',
      'icse.series.read',
      'icse.series.list',
      'icse.subject.read',
      'icse.victim.identify',
      'icse.import',
      'icse.export',
      'icse.batch.read',
    ]) {
      expect(actions).toContain(a);
    }
  });
});
