// Conformance with Meta's reference (pdq-photo-hasher): for every shared image of quality ≥ 80 the
// hash is within Hamming distance 10 and the quality within 10, and the same for the eight dihedral
// hashes. (Measured when written: distance 0 and quality difference 0 on every image, all qualities.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { hammingDistance } from './hamming.js';
import { DIHEDRAL_NAMES } from './hash-bits.js';
import { pdqDihedralHashes, pdqHashImage } from './pdq-hasher.js';
import { imagePath, readReferenceDihedral, readReferenceHashes } from './pdq-testdata.js';

const MAX_DISTANCE = 10;
const MAX_QUALITY_DIFFERENCE = 10;
const worst = { hash: 0, hashQuality: 0, dihedral: 0, dihedralQuality: 0 };

afterAll(() => {
  console.log(`PDQ conformance, worst case measured: ${JSON.stringify(worst)}`);
});

describe('PDQ hashes against the reference hasher', () => {
  const references = readReferenceHashes();
  it('has reference data to compare with', () => {
    expect(references.filter((r) => r.quality >= 80).length).toBeGreaterThanOrEqual(10);
  });
  for (const ref of references) {
    it.skipIf(ref.quality < 80)(`${ref.file} (quality ${ref.quality})`, async () => {
      const ours = await pdqHashImage(imagePath(ref.file));
      const distance = hammingDistance(ours.hash, ref.hash);
      worst.hash = Math.max(worst.hash, distance);
      worst.hashQuality = Math.max(worst.hashQuality, Math.abs(ours.quality - ref.quality));
      expect(distance).toBeLessThanOrEqual(MAX_DISTANCE);
      expect(Math.abs(ours.quality - ref.quality)).toBeLessThanOrEqual(MAX_QUALITY_DIFFERENCE);
    });
  }
});

describe('dihedral hashes against the reference (--pdqdih)', () => {
  for (const ref of readReferenceDihedral()) {
    it.skipIf(ref.quality < 80)(`${ref.file}`, async () => {
      const ours = await pdqDihedralHashes(imagePath(ref.file));
      expect(Math.abs(ours.quality - ref.quality)).toBeLessThanOrEqual(MAX_QUALITY_DIFFERENCE);
      worst.dihedralQuality = Math.max(worst.dihedralQuality, Math.abs(ours.quality - ref.quality));
      DIHEDRAL_NAMES.forEach((name, i) => {
        const distance = hammingDistance(ours[name], ref.hashes[i]!);
        worst.dihedral = Math.max(worst.dihedral, distance);
        expect(distance, name).toBeLessThanOrEqual(MAX_DISTANCE);
      });
    });
  }
});

describe('what the hashes are for', () => {
  it("the dihedral hashes of the original photo match the rotated and mirrored copies' own hashes", async () => {
    const original = await pdqDihedralHashes(imagePath('reg-test-input/dih/bridge-1-original.jpg'));
    const copies = {
      rotate90: 'bridge-2-rotate-90.jpg',
      rotate180: 'bridge-3-rotate-180.jpg',
      rotate270: 'bridge-4-rotate-270.jpg',
      flipX: 'bridge-5-flipx.jpg',
      flipY: 'bridge-6-flipy.jpg',
      flipPlus1: 'bridge-7-flip-plus-1.jpg',
      flipMinus1: 'bridge-8-flip-minus-1.jpg',
    } as const;
    for (const [name, file] of Object.entries(copies)) {
      const copy = await pdqHashImage(imagePath(`reg-test-input/dih/${file}`));
      expect(hammingDistance(copy.hash, original[name as keyof typeof copies]), name).toBeLessThanOrEqual(31);
      // …while the plain hashes of original and copy are far apart.
      expect(hammingDistance(copy.hash, original.original), name).toBeGreaterThan(31);
    }
  });

  it('hashes a buffer as it hashes the file', async () => {
    const file = imagePath('reg-test-input/labelme-subset/q0122.jpg');
    expect(await pdqHashImage(fs.readFileSync(file))).toEqual(await pdqHashImage(file));
  });

  it('hashes the stored pixels, ignoring the EXIF orientation tag (as the reference does)', async () => {
    const file = imagePath('reg-test-input/labelme-subset/q0291.jpg');
    const tagged = await sharp(file).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer();
    const plain = await sharp(file).jpeg({ quality: 95 }).toBuffer();
    expect((await sharp(tagged).metadata()).orientation).toBe(6);
    expect((await pdqHashImage(tagged)).hash).toBe((await pdqHashImage(plain)).hash);
  });

  it('drops alpha rather than compositing it, and hashes greyscale by its grey value', async () => {
    const file = imagePath('reg-test-input/labelme-subset/q1050.jpg');
    const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
    const rgba = Buffer.alloc(info.width * info.height * 4);
    for (let p = 0; p < info.width * info.height; p++) {
      data.copy(rgba, p * 4, p * 3, p * 3 + 3);
      rgba[p * 4 + 3] = p % 7 === 0 ? 0 : 128; // transparency must not change the hash
    }
    const raw = { raw: { width: info.width, height: info.height, channels: 4 as const } };
    const withAlpha = await sharp(rgba, raw).png().toBuffer();
    const opaque = await sharp(data, { raw: { ...raw.raw, channels: 3 } })
      .png()
      .toBuffer();
    expect((await pdqHashImage(withAlpha)).hash).toBe((await pdqHashImage(opaque)).hash);

    // A one-channel image is hashed by its grey value; the same picture stored as RGB with R = G = B
    // goes through the luma weights, which sum to 1, and must hash the same.
    const greyPixels = await sharp(file).greyscale().raw().toBuffer();
    const greyRaw = { raw: { width: info.width, height: info.height, channels: 1 as const } };
    const grey = await sharp(greyPixels, greyRaw).toColourspace('b-w').png().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const rgb = Buffer.alloc(greyPixels.length * 3);
    for (let p = 0; p < greyPixels.length; p++) rgb.fill(greyPixels[p]!, p * 3, p * 3 + 3);
    const greyAsRgb = await sharp(rgb, { raw: { ...greyRaw.raw, channels: 3 } })
      .png()
      .toBuffer();
    const g = await pdqHashImage(grey);
    expect(g.quality).toBeGreaterThan(50);
    expect(hammingDistance(g.hash, (await pdqHashImage(greyAsRgb)).hash)).toBeLessThanOrEqual(2);
  });

  it('gives an image too small to hash the zero hash and quality 0', async () => {
    const tiny = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    expect(await pdqHashImage(tiny)).toEqual({ hash: '0'.repeat(64), quality: 0 });
  });

  it('rejects what is not an image', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdq-'));
    const bogus = path.join(dir, 'not-an-image.jpg');
    fs.writeFileSync(bogus, 'hello');
    await expect(pdqHashImage(bogus)).rejects.toThrow();
    fs.rmSync(dir, { recursive: true });
  });
});
