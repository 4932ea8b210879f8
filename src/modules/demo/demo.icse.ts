// Demo child-exploitation media: NOT real material. Abstract pictures generated here (coloured
// shapes on gradients, seeded so every demo is the same), uploaded, matched, grouped in series
// and identified through the ICSE services themselves — so the console shows each state a
// victim-identification officer meets: a known series whose victim is not identified yet, a
// series whose victim was identified by another country, and new material.
import sharp from 'sharp';
import type { AppContext } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import { ingestUpload } from '../icse/icse.ingest.js';
import { classifyMedium } from '../icse/icse.media.js';
import { addSubject, createSeries, identifySubject } from '../icse/icse.series.js';
import { demoPrincipal } from './demo.principals.js';

/** A small deterministic generator (mulberry32), so the pictures are the same at every seeding. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An abstract picture: a gradient and a dozen shapes, from `seed`. */
export async function demoPicture(seed: number): Promise<Buffer> {
  const r = rng(seed);
  const colour = () =>
    `hsl(${Math.floor(r() * 360)},${40 + Math.floor(r() * 50)}%,${25 + Math.floor(r() * 50)}%)`;
  const shapes: string[] = [];
  for (let i = 0; i < 12; i++) {
    const x = Math.floor(r() * 640);
    const y = Math.floor(r() * 480);
    const s = 30 + Math.floor(r() * 140);
    shapes.push(
      r() < 0.5
        ? `<circle cx="${x}" cy="${y}" r="${s / 2}" fill="${colour()}"/>`
        : `<rect x="${x}" y="${y}" width="${s}" height="${Math.floor(s * (0.5 + r()))}" fill="${colour()}" transform="rotate(${Math.floor(r() * 90)} ${x} ${y})"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs>
  <rect width="640" height="480" fill="url(#g)"/>${shapes.join('')}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

/** Seeds the demo media (once: nothing is added when demo media exist). Returns how many. */
export async function seedDemoIcse(ctx: AppContext): Promise<number> {
  const held = await ctx.db.selectFrom('icse_media').select('id').limit(1).executeTakeFirst();
  if (held) return 0;
  const meta = { requestId: 'demo', purpose: 'Demo data' };
  const us = await demoPrincipal(ctx, 'us.childprotection');
  const jo = await demoPrincipal(ctx, 'jo.childprotection');
  let count = 0;
  const upload = async (p: Principal, name: string, content: Buffer, batchId?: string) => {
    count++;
    return (await ingestUpload(ctx, p, { fileName: name, contentType: 'image/jpeg', content, batchId }, meta))
      .media;
  };

  // Series 1 (United States): a victim not identified yet.
  const garden = [await demoPicture(11), await demoPicture(12), await demoPicture(13)];
  const gardenSeries = await createSeries(
    ctx,
    us,
    { name: 'Garden set (demo)', description: 'Generated demo pictures' },
    meta,
  );
  const victimA = await addSubject(
    ctx,
    us,
    gardenSeries.id,
    { role: 'victim', label: 'Child A, about 8 (demo)' },
    meta,
  );
  await addSubject(
    ctx,
    us,
    gardenSeries.id,
    { role: 'offender', label: 'Adult male, tattoo on left forearm (demo)' },
    meta,
  );
  const usBatch = uuid7();
  for (const [i, picture] of garden.entries()) {
    const m = await upload(us, `garden-${i + 1}.jpg`, picture, usBatch);
    await classifyMedium(
      ctx,
      us,
      m.id,
      { category: 1, seriesId: gardenSeries.id, subjectIds: [victimA.id] },
      m.version,
      meta,
    );
  }

  // Series 2 (Jordan): a victim identified by Jordan.
  const lake = await demoPicture(21);
  const lakeSeries = await createSeries(
    ctx,
    jo,
    { name: 'Lake set (demo)', description: 'Generated demo pictures' },
    meta,
  );
  const victimB = await addSubject(
    ctx,
    jo,
    lakeSeries.id,
    { role: 'victim', label: 'Child B, about 11 (demo)' },
    meta,
  );
  const lakeMedium = await upload(jo, 'lake-1.jpg', lake);
  await classifyMedium(
    ctx,
    jo,
    lakeMedium.id,
    { category: 1, seriesId: lakeSeries.id, subjectIds: [victimB.id] },
    lakeMedium.version,
    meta,
  );

  // Jordan finds a turned copy of a Garden picture (known series, victim not identified) and new material.
  const joBatch = uuid7();
  await upload(
    jo,
    'seized-0417.jpg',
    await sharp(garden[1]).rotate(90).jpeg({ quality: 80 }).toBuffer(),
    joBatch,
  );
  await upload(jo, 'seized-0418.jpg', await demoPicture(31), joBatch);
  // The United States holds a mirrored copy of the Lake picture; then Jordan identifies Child B.
  await upload(us, 'case-5512-img7.jpg', await sharp(lake).flop().jpeg({ quality: 85 }).toBuffer());
  await identifySubject(
    ctx,
    jo,
    victimB.id,
    { notes: 'Identified and safeguarded (demo)' },
    victimB.version,
    meta,
  );
  return count;
}
