// Video hashing through ffmpeg and vPDQ-style matching. The videos are made here by ffmpeg from the
// shared still images; without ffmpeg the video tests are skipped with a message (the matcher's own
// tests still run).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hammingDistance } from './hamming.js';
import { pdqHashImage } from './pdq-hasher.js';
import { imagePath } from './pdq-testdata.js';
import { ffmpegPath, PngStreamSplitter, pdqHashVideo } from './pdq-video.js';
import { vpdqMatch } from './vpdq-match.js';

const hasFfmpeg = spawnSync(ffmpegPath(), ['-version'], { stdio: 'ignore' }).status === 0;
if (!hasFfmpeg) {
  console.warn('ffmpeg is not installed: skipping the video hashing tests (apt-get install ffmpeg)');
}

/** A `seconds`-long H.264 video showing one still image, 320 pixels wide (small, to encode fast). */
function stillVideo(dir: string, image: string, seconds: number, name: string, filter = ''): string {
  const out = path.join(dir, name);
  const vf = `scale=320:-2${filter ? `,${filter}` : ''}`;
  const r = spawnSync(
    ffmpegPath(),
    [
      '-v',
      'error',
      '-y',
      '-loop',
      '1',
      '-framerate',
      '5',
      '-t',
      String(seconds),
      '-i',
      image,
      '-vf',
      vf,
      '-r',
      '5',
    ].concat(['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', out]),
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
  return out;
}

describe.skipIf(!hasFfmpeg)('pdqHashVideo (ffmpeg)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdq-video-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hashes one frame per second, each matching the still image it shows', async () => {
    const image = imagePath('reg-test-input/labelme-subset/q2821.jpg');
    const video = stillVideo(dir, image, 3, 'still.mp4');
    const frames = await pdqHashVideo(video);
    expect(frames.map((f) => f.second)).toEqual([0, 1, 2]);
    const still = await pdqHashImage(image);
    for (const f of frames) {
      expect(f.quality).toBeGreaterThanOrEqual(80);
      // Scaled and re-encoded, yet within the match distance of the still.
      expect(hammingDistance(f.hash, still.hash)).toBeLessThanOrEqual(31);
    }
    const twice = await pdqHashVideo(video, { framesPerSecond: 2 });
    expect(twice.map((f) => f.second)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
  });

  it('matches a re-encoded, mirrored-back copy and not a different video (vPDQ)', async () => {
    const a = await pdqHashVideo(
      stillVideo(dir, imagePath('reg-test-input/dih/bridge-1-original.jpg'), 3, 'a.mp4'),
    );
    const b = await pdqHashVideo(
      stillVideo(dir, imagePath('reg-test-input/dih/bridge-5-flipx.jpg'), 3, 'b.mp4', 'vflip'),
    );
    const other = await pdqHashVideo(
      stillVideo(dir, imagePath('reg-test-input/pen-and-coaster.png'), 2, 'c.mp4'),
    );
    expect(vpdqMatch(a, b)).toMatchObject({ queryMatchPercent: 100, targetMatchPercent: 100, isMatch: true });
    expect(vpdqMatch(a, other)).toMatchObject({
      queryMatchPercent: 0,
      targetMatchPercent: 0,
      isMatch: false,
    });
  });

  it('fails clearly on a file ffmpeg cannot read', async () => {
    const bogus = path.join(dir, 'bogus.mp4');
    fs.writeFileSync(bogus, 'not a video');
    await expect(pdqHashVideo(bogus)).rejects.toThrow(/ffmpeg could not read/);
  });
});

describe('vpdqMatch', () => {
  const h = (c: string) => c.repeat(64);
  const near = (hash: string, flips: number) => {
    const b = Buffer.from(hash, 'hex');
    for (let i = 0; i < flips; i++) b[i >> 3]! ^= 1 << (i & 7);
    return b.toString('hex');
  };

  it('counts unique quality frames on each side that have a match on the other', () => {
    const query = [
      { hash: h('a'), quality: 100 },
      { hash: h('a'), quality: 100 }, // duplicate: counted once
      { hash: h('5'), quality: 90 },
      { hash: h('3'), quality: 10 }, // below quality: ignored
    ];
    const target = [
      { hash: near(h('a'), 31), quality: 100 },
      { hash: h('c'), quality: 100 },
      { hash: h('9'), quality: 100 },
      { hash: h('6'), quality: 100 },
    ];
    const r = vpdqMatch(query, target);
    expect(r.queryMatchPercent).toBe(50); // a matches (31 bits); 5 does not
    expect(r.targetMatchPercent).toBe(25);
    expect(r.isMatch).toBe(false);
    expect(vpdqMatch(query, target, { percentThreshold: 25 }).isMatch).toBe(true);
    expect(vpdqMatch(query, target, { percentThreshold: 25, queryPercentThreshold: 60 }).isMatch).toBe(false);
    expect(vpdqMatch(query, target, { distance: 30 }).queryMatchPercent).toBe(0);
    expect(vpdqMatch(query, target, { qualityMin: 95 }).queryMatchPercent).toBe(100);
  });

  it('matches nothing when no frame is of sufficient quality', () => {
    const frames = [{ hash: h('a'), quality: 10 }];
    expect(vpdqMatch(frames, frames)).toEqual({
      queryMatchPercent: 0,
      targetMatchPercent: 0,
      isMatch: false,
    });
  });
});

describe('PngStreamSplitter', () => {
  it('splits concatenated PNG files at any chunk boundary of the stream', async () => {
    const sharp = (await import('sharp')).default;
    const one = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const two = await sharp({ create: { width: 9, height: 5, channels: 3, background: '#abcdef' } })
      .png()
      .toBuffer();
    const stream = Buffer.concat([one, two, one]);
    for (const step of [1, 7, 100, stream.length]) {
      const s = new PngStreamSplitter();
      const out: Buffer[] = [];
      for (let i = 0; i < stream.length; i += step) out.push(...s.push(stream.subarray(i, i + step)));
      expect(out.map((b) => b.length)).toEqual([one.length, two.length, one.length]);
      expect(s.pending).toBe(0);
    }
  });
});
