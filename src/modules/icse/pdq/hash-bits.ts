// From the 16×16 DCT coefficients to the 256-bit hash, and the eight dihedral variants of those
// coefficients. Mirrors pdqBuffer16x16ToBits and dct16OriginalTo* in facebook/ThreatExchange
// pdq/cpp/hashing/pdqhashing.cpp, and the hex form of Hash256::format in pdq/cpp/common/pdqhashtypes.cpp.

/**
 * The median the reference uses (torben): the ((n + 1) / 2)-th smallest value, i.e. the lower median
 * of the 256 coefficients.
 */
function lowerMedian(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[((sorted.length + 1) >> 1) - 1] ?? 0;
}

/**
 * pdqBuffer16x16ToBits: bit i*16+j is set when coefficient (i, j) exceeds the median. The hex form
 * prints the 16-bit words from the highest (bits 240..255) to the lowest, bit 0 being the lowest
 * bit of the last word, as Hash256::format does.
 */
export function coefficientsToHex(dct16: Float32Array): string {
  const median = lowerMedian(dct16);
  const words = new Uint16Array(16);
  for (let k = 0; k < 256; k++) {
    if (dct16[k]! > median) words[k >> 4]! |= 1 << (k & 15);
  }
  let hex = '';
  for (let w = 15; w >= 0; w--) hex += words[w]!.toString(16).padStart(4, '0');
  return hex;
}

/** The eight symmetries of the square, in the reference's order (and the CLI's `--pdqdih` columns). */
export const DIHEDRAL_NAMES = [
  'original',
  'rotate90',
  'rotate180',
  'rotate270',
  'flipX',
  'flipY',
  'flipPlus1',
  'flipMinus1',
] as const;
export type DihedralName = (typeof DIHEDRAL_NAMES)[number];

/**
 * A DCT basis function of odd index is antisymmetric, of even index symmetric, so mirroring the
 * image along an axis negates the odd-index coefficients along that axis, and a transpose of the
 * image transposes the coefficients. Each variant is (transpose?, negate where). The reference's
 * coefficient index is one less than the frequency (it skips the DC term), so "odd frequency" is
 * "even index" here — the sign patterns below are those of dct16OriginalTo*.
 */
const DIHEDRAL: Record<DihedralName, { transpose: boolean; negate: (i: number, j: number) => boolean }> = {
  original: { transpose: false, negate: () => false },
  rotate90: { transpose: true, negate: (_i, j) => (j & 1) === 0 },
  rotate180: { transpose: false, negate: (i, j) => ((i + j) & 1) === 1 },
  rotate270: { transpose: true, negate: (i) => (i & 1) === 0 },
  flipX: { transpose: false, negate: (i) => (i & 1) === 0 },
  flipY: { transpose: false, negate: (_i, j) => (j & 1) === 0 },
  flipPlus1: { transpose: true, negate: () => false },
  flipMinus1: { transpose: true, negate: (i, j) => ((i + j) & 1) === 1 },
};

/** dct16OriginalTo<variant>: the coefficients the transformed image would have. */
export function dihedralCoefficients(dct16: Float32Array, variant: DihedralName): Float32Array {
  const { transpose, negate } = DIHEDRAL[variant];
  const out = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const v = dct16[i * 16 + j]!;
      out[transpose ? j * 16 + i : i * 16 + j] = negate(i, j) ? -v : v;
    }
  }
  return out;
}
