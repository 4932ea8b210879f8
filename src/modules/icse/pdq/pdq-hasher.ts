// PDQ hashing from a luminance matrix: Jarosz downsample to 64×64, quality, 64→16 DCT, median
// threshold. Mirrors pdqFloat256FromFloatLuma, pdqHash256FromFloatLuma and
// pdqDihedralHash256esFromFloatLuma in facebook/ThreatExchange pdq/cpp/hashing/pdqhashing.cpp.
import { dct64To16, qualityMetric } from './dct.js';
import { decimate, jaroszFilter, jaroszWindowSize } from './downscale.js';
import { coefficientsToHex, DIHEDRAL_NAMES, type DihedralName, dihedralCoefficients } from './hash-bits.js';
import { type LumaImage, loadLuma } from './pdq-luma.js';

/** MIN_HASHABLE_DIM: smaller images get the all-zero hash and quality 0. */
const MIN_HASHABLE_DIM = 5;
/** PDQ_NUM_JAROSZ_XY_PASSES: two box passes make a tent filter. */
const JAROSZ_PASSES = 2;
const ZERO_HASH = '0'.repeat(64);

export interface PdqHash {
  /** 256 bits as 64 hexadecimal digits, in the reference's order. */
  hash: string;
  /** 0–100; below about 50 the hash says little about the image. */
  quality: number;
}

export type PdqDihedralHashes = { quality: number } & Record<DihedralName, string>;

/** The 16×16 DCT coefficients and quality of a luminance image (null if too small to hash). */
export function pdqCoefficients(image: LumaImage): { dct16: Float32Array; quality: number } | null {
  const { rows, cols, luma } = image;
  if (rows < MIN_HASHABLE_DIM || cols < MIN_HASHABLE_DIM) return null;
  let block: Float32Array;
  if (rows === 64 && cols === 64) {
    // Already 64×64 (e.g. a frame ffmpeg scaled for us): used as is, as the reference does.
    block = luma;
  } else {
    const buffer1 = Float32Array.from(luma);
    const buffer2 = new Float32Array(rows * cols);
    jaroszFilter(
      buffer1,
      buffer2,
      rows,
      cols,
      jaroszWindowSize(cols, 64),
      jaroszWindowSize(rows, 64),
      JAROSZ_PASSES,
    );
    block = decimate(buffer1, rows, cols, 64, 64);
  }
  return { dct16: dct64To16(block), quality: qualityMetric(block) };
}

export function pdqHashLuma(image: LumaImage): PdqHash {
  const c = pdqCoefficients(image);
  if (!c) return { hash: ZERO_HASH, quality: 0 };
  return { hash: coefficientsToHex(c.dct16), quality: c.quality };
}

export function pdqDihedralHashesLuma(image: LumaImage): PdqDihedralHashes {
  const c = pdqCoefficients(image);
  const out = { quality: c?.quality ?? 0 } as PdqDihedralHashes;
  for (const name of DIHEDRAL_NAMES) {
    out[name] = c ? coefficientsToHex(dihedralCoefficients(c.dct16, name)) : ZERO_HASH;
  }
  return out;
}

/** PDQ hash and quality of an image file or its bytes (any format sharp decodes). */
export async function pdqHashImage(input: Buffer | string): Promise<PdqHash> {
  return pdqHashLuma(await loadLuma(input));
}

/**
 * The hashes of the image's eight rotations and mirrorings, computed from one DCT by sign flips and
 * transposes (not by re-hashing rotated pixels), so a rotated or mirrored copy still matches.
 */
export async function pdqDihedralHashes(input: Buffer | string): Promise<PdqDihedralHashes> {
  return pdqDihedralHashesLuma(await loadLuma(input));
}
